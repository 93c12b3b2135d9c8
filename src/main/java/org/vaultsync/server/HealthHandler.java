package org.vaultsync.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /healthz}: answers 200 while the process can serve requests, for load balancers and scripts. */
final class HealthHandler extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (ReadOnlyRequests.refused(request, response, callback)) {
            return true;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, CachePolicy.NEVER_STORE);
        Content.Sink.write(response, true, "{\"status\":\"ok\"}", callback);
        return true;
    }

}
