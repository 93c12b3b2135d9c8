package org.vaultsync.server;

import java.net.URI;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/** One server process: the web app, its health check and (later) the signaling endpoint, on one port. */
public final class VaultSyncServer {
    private final Server jetty;
    private final ServerConnector connector;

    private VaultSyncServer(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    public static VaultSyncServer start(ServerConfig config, WebAppAssets assets) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from("/healthz"), new HealthHandler());
        routes.addMapping(PathSpec.from("/"), new StaticAssetsHandler(assets.resolve(ResourceFactory.of(jetty))));
        ContextHandler root = new ContextHandler(routes, "/");
        root.getMimeTypes().addMimeMapping("webmanifest", "application/manifest+json");
        root.getMimeTypes().addMimeMapping("js", "text/javascript;charset=utf-8");
        root.getMimeTypes().addMimeMapping("html", "text/html;charset=utf-8");
        root.getMimeTypes().addMimeMapping("css", "text/css;charset=utf-8");
        jetty.setHandler(root);
        jetty.setStopAtShutdown(false);
        jetty.start();
        return new VaultSyncServer(jetty, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI baseUri() {
        String host = connector.getHost();
        String shown = host == null || ServerConfig.ALL_INTERFACES.equals(host) ? "localhost" : host;
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    public void stop() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Server did not stop cleanly", e);
        }
    }
}
