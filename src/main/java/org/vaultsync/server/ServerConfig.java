package org.vaultsync.server;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import org.vaultsync.server.signaling.SignalingLimits;

/**
 * How the server is started: from command-line flags, falling back to environment variables, then to
 * defaults that are safe on a developer machine (loopback only, port 8080, one node without Redis).
 *
 * @param redisUrl   Redis to fan signaling out through ({@code redis://host:port}), or {@code null} for one node
 * @param trustProxy take the client address from {@code Forwarded}/{@code X-Forwarded-For} (only behind a proxy)
 * @param client     what {@code /client-config.json} tells browsers: signaling URLs, STUN and TURN servers
 */
public record ServerConfig(String host, int port, SignalingLimits limits, String redisUrl, boolean trustProxy,
                           ClientSettings client) {
    public static final int DEFAULT_PORT = 8080;
    public static final String LOOPBACK = "127.0.0.1";
    public static final String ALL_INTERFACES = "0.0.0.0";

    public static final String USAGE = """
            Usage: vault-sync-server [options]
              --port N        port to listen on (env VAULT_SYNC_PORT; default 8080; 0 picks a free port)
              --host ADDRESS  address to bind (env VAULT_SYNC_HOST; default 127.0.0.1)
              --bind-all      listen on every interface (same as --host 0.0.0.0)
              --redis URL     fan signaling out to other nodes through Redis, e.g. redis://127.0.0.1:6379
                              (env VAULT_SYNC_REDIS_URL; default: none, one node)
              --trust-proxy   take client addresses from Forwarded / X-Forwarded-For (env VAULT_SYNC_TRUST_PROXY=true);
                              only when a reverse proxy is the sole way in
            Client configuration (served at /client-config.json; lists in env vars are comma-separated):
              --signaling-url URL   signaling server for clients, repeatable (env VAULT_SYNC_SIGNALING_URLS;
                                    default: this server's own /signal)
              --stun URL            STUN server, e.g. stun:stun.example.org:3478, repeatable (env VAULT_SYNC_STUN_URLS)
              --turn URL            TURN server, e.g. turn:turn.example.org:3478?transport=udp, repeatable
                                    (env VAULT_SYNC_TURN_URLS); needs --turn-secret
              --turn-secret S       coturn's static-auth-secret (use-auth-secret); clients get time-limited
                                    credentials, never the secret (env VAULT_SYNC_TURN_SECRET)
              --turn-ttl-seconds N  lifetime of TURN credentials (env VAULT_SYNC_TURN_TTL_SECONDS; default 86400)
            Signaling limits (env VAULT_SYNC_ + the flag in upper case with _, e.g. VAULT_SYNC_MAX_FRAME_BYTES):
              --max-frame-bytes N                 largest frame (default 262144)
              --max-topics-per-connection N       (default 100)
              --max-connections-per-address N     (default 64)
              --max-connections N                 (default 50000)
              --messages-per-second N             sustained rate per connection (default 50)
              --message-burst N                   burst per connection (default 200)
              --max-queued-bytes N                unsent bytes per connection before it counts as too slow (default 1048576)
              --idle-timeout-seconds N            close after N s without a message (default 60)
              --ping-interval-seconds N           WebSocket ping interval; a missed pong closes (default 30)
            """;

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, got " + port);
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("Host must not be empty");
        }
        if (limits == null) {
            throw new IllegalArgumentException("Limits must be given");
        }
        if (client == null) {
            throw new IllegalArgumentException("Client settings must be given");
        }
        if (redisUrl != null && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
            throw new IllegalArgumentException("Redis URL must start with redis:// or rediss://, got '" + redisUrl + "'");
        }
    }

    /** One node, default limits. */
    public ServerConfig(String host, int port) {
        this(host, port, SignalingLimits.DEFAULTS, null, false);
    }

    /** No client settings: clients use this server's own signaling and no ICE servers. */
    public ServerConfig(String host, int port, SignalingLimits limits, String redisUrl, boolean trustProxy) {
        this(host, port, limits, redisUrl, trustProxy, ClientSettings.NONE);
    }

    public ServerConfig withLimits(SignalingLimits newLimits) {
        return new ServerConfig(host, port, newLimits, redisUrl, trustProxy, client);
    }

    public ServerConfig withRedis(String url) {
        return new ServerConfig(host, port, limits, url, trustProxy, client);
    }

    public ServerConfig withClient(ClientSettings settings) {
        return new ServerConfig(host, port, limits, redisUrl, trustProxy, settings);
    }

    public static ServerConfig parse(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("VAULT_SYNC_HOST", LOOPBACK);
        int port = env.containsKey("VAULT_SYNC_PORT") ? parseInt(env.get("VAULT_SYNC_PORT"), "VAULT_SYNC_PORT") : DEFAULT_PORT;
        String redis = blankToNull(env.get("VAULT_SYNC_REDIS_URL"));
        boolean trustProxy = "true".equalsIgnoreCase(env.getOrDefault("VAULT_SYNC_TRUST_PROXY", "false"));
        SignalingLimits limits = SignalingLimits.DEFAULTS;
        for (LimitOption option : LimitOption.values()) {
            String value = env.get(option.envName());
            if (value != null) {
                limits = option.apply(limits, parseInt(value, option.envName()));
            }
        }
        java.util.List<String> signalingUrls = new java.util.ArrayList<>(listFromEnv(env, "VAULT_SYNC_SIGNALING_URLS"));
        java.util.List<String> stunUrls = new java.util.ArrayList<>(listFromEnv(env, "VAULT_SYNC_STUN_URLS"));
        java.util.List<String> turnUrls = new java.util.ArrayList<>(listFromEnv(env, "VAULT_SYNC_TURN_URLS"));
        String turnSecret = blankToNull(env.get("VAULT_SYNC_TURN_SECRET"));
        int turnTtl = env.containsKey("VAULT_SYNC_TURN_TTL_SECONDS")
                ? parseInt(env.get("VAULT_SYNC_TURN_TTL_SECONDS"), "VAULT_SYNC_TURN_TTL_SECONDS")
                : ClientSettings.DEFAULT_TURN_TTL_SECONDS;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--signaling-url" -> signalingUrls.add(valueAfter(args, i++));
                case "--stun" -> stunUrls.add(valueAfter(args, i++));
                case "--turn" -> turnUrls.add(valueAfter(args, i++));
                case "--turn-secret" -> turnSecret = valueAfter(args, i++);
                case "--turn-ttl-seconds" -> turnTtl = parseInt(valueAfter(args, i++), "--turn-ttl-seconds");
                case "--port" -> port = parseInt(valueAfter(args, i++), "--port");
                case "--host" -> host = valueAfter(args, i++);
                case "--bind-all" -> host = ALL_INTERFACES;
                case "--redis" -> redis = valueAfter(args, i++);
                case "--trust-proxy" -> trustProxy = true;
                default -> {
                    LimitOption option = LimitOption.forFlag(arg);
                    if (option == null) {
                        throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
                    }
                    limits = option.apply(limits, parseInt(valueAfter(args, i++), arg));
                }
            }
        }
        ClientSettings client = new ClientSettings(signalingUrls, stunUrls, turnUrls, turnSecret, turnTtl);
        return new ServerConfig(host, port, limits, redis, trustProxy, client);
    }

    private static java.util.List<String> listFromEnv(Map<String, String> env, String name) {
        String value = env.get(name);
        java.util.List<String> out = new java.util.ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** The numeric signaling limits, each settable by flag and by environment variable. */
    private enum LimitOption {
        MAX_FRAME_BYTES((l, v) -> l.withMaxFrameBytes(v)),
        MAX_TOPICS_PER_CONNECTION((l, v) -> l.withMaxTopicsPerConnection(v)),
        MAX_CONNECTIONS_PER_ADDRESS((l, v) -> l.withMaxConnectionsPerAddress(v)),
        MAX_CONNECTIONS((l, v) -> l.withMaxConnections(v)),
        MESSAGES_PER_SECOND((l, v) -> l.withRate(v, l.messageBurst())),
        MESSAGE_BURST((l, v) -> l.withRate(l.messagesPerSecond(), v)),
        MAX_QUEUED_BYTES((l, v) -> l.withMaxQueuedBytes(v)),
        IDLE_TIMEOUT_SECONDS((l, v) -> l.withTimers(Duration.ofSeconds(v), l.pingInterval())),
        PING_INTERVAL_SECONDS((l, v) -> l.withTimers(l.idleTimeout(), Duration.ofSeconds(v)));

        private final BiFunction<SignalingLimits, Integer, SignalingLimits> setter;

        LimitOption(BiFunction<SignalingLimits, Integer, SignalingLimits> setter) {
            this.setter = setter;
        }

        String flag() {
            return "--" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        String envName() {
            return "VAULT_SYNC_" + name();
        }

        SignalingLimits apply(SignalingLimits limits, int value) {
            try {
                return setter.apply(limits, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(flag() + ": " + e.getMessage());
            }
        }

        static LimitOption forFlag(String flag) {
            for (LimitOption option : values()) {
                if (option.flag().equals(flag)) {
                    return option;
                }
            }
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String valueAfter(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
        }
        return args[i + 1];
    }

    private static int parseInt(String text, String source) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a number, got '" + text + "'");
        }
    }
}
