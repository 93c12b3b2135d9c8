package org.vaultsync.server;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The one rule of the server's read-only endpoints (health, metrics, client config, service worker). */
final class ReadOnlyRequests {
    private ReadOnlyRequests() {
    }

    /** Answers 405 to anything but GET and HEAD; true if it did (the request is then handled). */
    static boolean refused(Request request, Response response, Callback callback) {
        if (HttpMethod.GET.is(request.getMethod()) || HttpMethod.HEAD.is(request.getMethod())) {
            return false;
        }
        Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
        return true;
    }
}
