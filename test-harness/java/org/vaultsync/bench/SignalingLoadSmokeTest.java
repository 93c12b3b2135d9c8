package org.vaultsync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;
import org.vaultsync.server.signaling.SignalingLimits;

/** One-second runs of the benchmark's load generator against both servers it compares, so bin/bench-signaling cannot rot. */
class SignalingLoadSmokeTest {
    @Test
    void loadGeneratorMeasuresDeliveriesAndLatenciesAndAnswersPings() throws Exception {
        // Pings every 200 ms, and a missed pong closes: the run would lose its clients if they did not answer.
        ServerConfig config = new ServerConfig("127.0.0.1", 0)
                .withLimits(SignalingLimits.DEFAULTS.withTimers(Duration.ofSeconds(60), Duration.ofMillis(200)));
        VaultSyncServer server = VaultSyncServer.start(config, WebAppAssets.fromClasspath());
        try {
            assertOneSecondOfLoad(server.signalingUri());
        } finally {
            server.stop();
        }
    }

    @Test
    void loadGeneratorWorksAgainstTheReferenceServer() throws Exception {
        try (SignalingBench.Server server = SignalingBench.Target.REFERENCE.start()) {
            assertOneSecondOfLoad(server.uri());
        }
    }

    private static void assertOneSecondOfLoad(URI uri) throws Exception {
        SignalingLoad load = new SignalingLoad();
        try {
            load.connect(uri, 8, 2, "smoke-");
            SignalingLoad.Result result = load.run(10, 0, 1);
            // 8 clients x 10/s x 1 s, each delivered to the 4 members of its room.
            assertTrue(result.delivered() >= 200, "delivered " + result.delivered());
            assertTrue(result.p50Millis() > 0 && result.p99Millis() >= result.p50Millis(), result.toString());
            assertEquals(0, load.lostConnections(), "connections closed by the server");
        } finally {
            load.close();
        }
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("signaling-load")).map(Thread::getName).toList(), "threads left running");
    }
}
