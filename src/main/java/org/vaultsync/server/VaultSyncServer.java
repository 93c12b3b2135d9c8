package org.vaultsync.server;

import java.net.URI;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.http.pathmap.RegexPathSpec;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.vaultsync.server.cluster.RedisRelay;
import org.vaultsync.server.signaling.SignalingService;
import org.vaultsync.server.signaling.TopicRelay;

/**
 * One server process on one port: the web app, its health check and metrics, and the y-webrtc signaling endpoint.
 * A WebSocket upgrade at {@code /signal} or {@code /} (where y-webrtc clients connect by default) goes to signaling;
 * every plain request goes to the routes, so {@code GET /} still serves the app.
 */
public final class VaultSyncServer {
    private final Server jetty;
    private final ServerConnector connector;
    private final SignalingService signaling;

    private VaultSyncServer(Server jetty, ServerConnector connector, SignalingService signaling) {
        this.jetty = jetty;
        this.connector = connector;
        this.signaling = signaling;
    }

    public static VaultSyncServer start(ServerConfig config, WebAppAssets assets) throws Exception {
        Server jetty = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (config.trustProxy()) {
            http.addCustomizer(new ForwardedRequestCustomizer());
        }
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);

        TopicRelay relay = config.redisUrl() == null ? TopicRelay.LOCAL_ONLY : new RedisRelay(config.redisUrl());
        SignalingService signaling = new SignalingService(config.limits(), relay);

        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from("/healthz"), new HealthHandler());
        routes.addMapping(PathSpec.from("/metrics"), new MetricsHandler(signaling));
        routes.addMapping(PathSpec.from(org.vaultsync.protocol.ClientConfig.PATH),
                new ClientConfigHandler(config.client(), java.time.Clock.systemUTC()));
        org.eclipse.jetty.util.resource.Resource webApp = assets.resolve(ResourceFactory.of(jetty));
        if (ServiceWorkerHandler.present(webApp)) {
            routes.addMapping(PathSpec.from(ServiceWorkerHandler.PATH), new ServiceWorkerHandler(webApp));
        }
        routes.addMapping(PathSpec.from("/"), new StaticAssetsHandler(webApp));
        ContextHandler root = new ContextHandler("/");
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(jetty, root, container -> {
            signaling.configure(container);
            container.addMapping(PathSpec.from("/signal"), signaling);
            container.addMapping(new RegexPathSpec("^/$"), signaling);
        });
        upgrades.setHandler(routes);
        root.setHandler(upgrades);
        root.getMimeTypes().addMimeMapping("webmanifest", "application/manifest+json");
        root.getMimeTypes().addMimeMapping("js", "text/javascript;charset=utf-8");
        root.getMimeTypes().addMimeMapping("html", "text/html;charset=utf-8");
        root.getMimeTypes().addMimeMapping("css", "text/css;charset=utf-8");
        jetty.setHandler(root);
        jetty.setStopAtShutdown(false);
        try {
            jetty.start();
        } catch (Exception e) {
            signaling.stop();
            throw e;
        }
        return new VaultSyncServer(jetty, connector, signaling);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI baseUri() {
        String host = connector.getHost();
        String shown = host == null || ServerConfig.ALL_INTERFACES.equals(host) ? "localhost" : host;
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    /** {@code ws://host:port/signal}. */
    public URI signalingUri() {
        return URI.create(baseUri().toString().replaceFirst("^http", "ws") + "signal");
    }

    public SignalingService signaling() {
        return signaling;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    public void stop() {
        try {
            signaling.stop();
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Server did not stop cleanly", e);
        }
    }
}
