package org.vaultsync.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;

/** A one-second run of the benchmark's load generator against our server, so bin/bench-signaling cannot rot. */
class SignalingLoadSmokeTest {
    @Test
    void loadGeneratorMeasuresDeliveriesAndLatencies() throws Exception {
        VaultSyncServer server = VaultSyncServer.start(new ServerConfig("127.0.0.1", 0), WebAppAssets.fromClasspath());
        SignalingLoad load = new SignalingLoad();
        try {
            load.connect(server.signalingUri(), 8, 2, "smoke-");
            SignalingLoad.Result result = load.run(10, 0, 1);
            // 8 clients x 10/s x 1 s, each delivered to the 4 members of its room.
            assertTrue(result.delivered() >= 200, "delivered " + result.delivered());
            assertTrue(result.p50Millis() > 0 && result.p99Millis() >= result.p50Millis(), result.toString());
        } finally {
            load.close();
            server.stop();
        }
    }
}
