package org.vaultsync.server;

import java.time.Clock;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /client-config.json}: signaling URLs and ICE servers for the client. Never cached: TURN credentials
 * in it expire.
 */
final class ClientConfigHandler extends Handler.Abstract.NonBlocking {
    private final ClientSettings settings;
    private final Clock clock;

    ClientConfigHandler(ClientSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (ReadOnlyRequests.refused(request, response, callback)) {
            return true;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, CachePolicy.NEVER_STORE);
        String body = settings.forClientAt(clock.millis() / 1000).toJson();
        Content.Sink.write(response, true, body, callback);
        return true;
    }
}
