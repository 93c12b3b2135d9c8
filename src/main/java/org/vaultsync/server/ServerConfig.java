package org.vaultsync.server;

import java.util.Map;

/**
 * How the server is started: from command-line flags, falling back to environment variables, then to
 * defaults that are safe on a developer machine (loopback only, port 8080).
 */
public record ServerConfig(String host, int port) {
    public static final int DEFAULT_PORT = 8080;
    public static final String LOOPBACK = "127.0.0.1";
    public static final String ALL_INTERFACES = "0.0.0.0";

    public static final String USAGE = """
            Usage: vault-sync-server [--port N] [--host ADDRESS | --bind-all]
              --port N        port to listen on (env VAULT_SYNC_PORT; default 8080; 0 picks a free port)
              --host ADDRESS  address to bind (env VAULT_SYNC_HOST; default 127.0.0.1)
              --bind-all      listen on every interface (same as --host 0.0.0.0)
            """;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, got " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Host must not be empty");
        }
    }

    public static ServerConfig parse(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("VAULT_SYNC_HOST", LOOPBACK);
        int port = env.containsKey("VAULT_SYNC_PORT") ? parsePort(env.get("VAULT_SYNC_PORT"), "VAULT_SYNC_PORT") : DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(valueAfter(args, i++), "--port");
                case "--host" -> host = valueAfter(args, i++);
                case "--bind-all" -> host = ALL_INTERFACES;
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new ServerConfig(host, port);
    }

    private static String valueAfter(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
        }
        return args[i + 1];
    }

    private static int parsePort(String text, String source) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a number, got '" + text + "'");
        }
    }
}
