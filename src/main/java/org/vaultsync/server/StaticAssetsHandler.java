package org.vaultsync.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;

/** Serves the web app's files with ETags, per-path cache headers and a restrictive content security policy. */
final class StaticAssetsHandler extends Handler.Wrapper {
    /** WebRTC and the signaling WebSocket are the only connections the client opens; nothing else is loaded. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    StaticAssetsHandler(Resource base) {
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(base);
        files.setEtags(true);
        files.setDirAllowed(false);
        files.setWelcomeFiles("index.html");
        setHandler(files);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, CachePolicy.forPath(path));
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return super.handle(request, response, callback);
    }
}
