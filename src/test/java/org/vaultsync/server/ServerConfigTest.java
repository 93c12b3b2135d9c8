package org.vaultsync.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaultsToLoopbackOnPort8080() {
        ServerConfig config = ServerConfig.parse(new String[0], Map.of());
        assertEquals(new ServerConfig("127.0.0.1", 8080), config);
    }

    @Test
    void environmentSetsPortAndHost() {
        ServerConfig config = ServerConfig.parse(new String[0], Map.of("VAULT_SYNC_PORT", "9090", "VAULT_SYNC_HOST", "::1"));
        assertEquals(new ServerConfig("::1", 9090), config);
    }

    @Test
    void flagsWinOverEnvironment() {
        ServerConfig config = ServerConfig.parse(new String[] {"--port", "7000", "--bind-all"}, Map.of("VAULT_SYNC_PORT", "9090"));
        assertEquals(new ServerConfig("0.0.0.0", 7000), config);
    }

    @Test
    void badPortIsAClearError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--port", "eighty"}, Map.of()));
        assertEquals("--port must be a number, got 'eighty'", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.parse(new String[] {"--port", "70000"}, Map.of()));
    }

    @Test
    void unknownOptionShowsUsage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--verbose"}, Map.of()));
        assertTrue(error.getMessage().contains("Usage:"));
    }

    @Test
    void optionWithoutValueIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.parse(new String[] {"--port"}, Map.of()));
    }

    @Test
    void signalingLimitsComeFromFlagsAndEnvironment() {
        ServerConfig config = ServerConfig.parse(new String[] {"--max-frame-bytes", "65536", "--messages-per-second", "10",
                "--idle-timeout-seconds", "90"}, Map.of("VAULT_SYNC_MAX_TOPICS_PER_CONNECTION", "7", "VAULT_SYNC_MAX_FRAME_BYTES", "1024"));
        assertEquals(65536, config.limits().maxFrameBytes(), "flag wins over environment");
        assertEquals(7, config.limits().maxTopicsPerConnection());
        assertEquals(10, config.limits().messagesPerSecond());
        assertEquals(java.time.Duration.ofSeconds(90), config.limits().idleTimeout());
        assertEquals(org.vaultsync.server.signaling.SignalingLimits.DEFAULTS.messageBurst(), config.limits().messageBurst());
    }

    @Test
    void redisAndProxyTrustAreOffUnlessAsked() {
        ServerConfig plain = ServerConfig.parse(new String[0], Map.of());
        assertEquals(null, plain.redisUrl());
        assertEquals(false, plain.trustProxy());
        ServerConfig clustered = ServerConfig.parse(new String[] {"--trust-proxy"}, Map.of("VAULT_SYNC_REDIS_URL", "redis://10.0.0.5:6379"));
        assertEquals("redis://10.0.0.5:6379", clustered.redisUrl());
        assertTrue(clustered.trustProxy());
        assertEquals("redis://127.0.0.1:7000", ServerConfig.parse(new String[] {"--redis", "redis://127.0.0.1:7000"}, Map.of()).redisUrl());
    }

    @Test
    void impossibleLimitsAreClearErrors() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--max-topics-per-connection", "0"}, Map.of()));
        assertEquals("--max-topics-per-connection: maxTopicsPerConnection must be positive, got 0", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.parse(new String[] {"--redis", "http://x"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.parse(new String[] {"--max-queued-bytes", "10"}, Map.of()));
    }
}
