package org.vaultsync.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Command-line entry point: parses the configuration, starts the server and keeps it up until interrupted. */
public final class ServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.print(ServerConfig.USAGE);
            return;
        }
        ServerConfig config;
        try {
            config = ServerConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        VaultSyncServer server = VaultSyncServer.start(config, WebAppAssets.fromClasspath());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        LOG.info("Vault Sync is serving on {} (signaling at {}; {})", server.baseUri(), server.signalingUri(),
                config.redisUrl() == null ? "one node, no Redis" : "fanned out through Redis");
        server.join();
    }
}
