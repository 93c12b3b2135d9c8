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
}
