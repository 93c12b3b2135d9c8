package org.vaultsync.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.SkipJVM;
import org.teavm.junit.TeaVMTestRunner;
import org.vaultsync.crdt.Hex;
import org.vaultsync.protocol.PeerMessage;
import org.vaultsync.protocol.PeerMessageCodec;
import org.vaultsync.protocol.SignalingCodec;
import org.vaultsync.protocol.SignalingMessage;
import org.vaultsync.sync.ConnectionState;
import org.vaultsync.sync.sim.ChaosScenario;
import org.vaultsync.sync.sim.SimPeer;
import org.vaultsync.sync.sim.SimRoom;
import org.vaultsync.sync.sim.YSimDocument;

/** The sync stack compiled by TeaVM and run in Chromium: codecs, the chunker, and whole simulated rooms. */
@RunWith(TeaVMTestRunner.class)
@SkipJVM
public class SyncInBrowserTest {
    @Test
    public void codecsWriteTheSameBytesAsOnTheJvm() throws Exception {
        assertEquals("040106706565722d31", Hex.of(PeerMessageCodec.encode(new PeerMessage.BcPeerId(true, "peer-1"))));
        assertEquals("00000100", Hex.of(PeerMessageCodec.encode(new PeerMessage.SyncStep1(new byte[] {0}))));
        String frame = "{\"type\":\"publish\",\"topic\":\"vault-sync/ABCDEF\",\"data\":{\"to\":\"b\",\"from\":\"a\","
                + "\"type\":\"signal\",\"token\":1795539899669.2668,\"signal\":{\"type\":\"offer\",\"sdp\":\"v=0\"}},"
                + "\"clients\":2}";
        assertEquals(frame, SignalingCodec.encode(SignalingCodec.decode(frame)));
        assertTrue(SignalingCodec.decode("{\"type\":\"pong\"}") instanceof SignalingMessage.Pong);
    }

    @Test
    public void aRoomOfFourConvergesUnderChaos() {
        ChaosScenario run = new ChaosScenario(17, 4);
        assertTrue(run.summary(), run.run(30, 600_000));
    }

    @Test
    public void theYjsEngineSyncsThroughTheWholeStack() {
        SimRoom sim = new SimRoom(3).useYjsEngine();
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        a.join(SimRoom.code("ABCDEF"));
        b.join(SimRoom.code("ABCDEF"));
        sim.run(2_000);
        assertEquals(ConnectionState.CONNECTED, a.state());
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add("row " + i + " of a long list that will not fit one message");
        }
        ((YSimDocument) a.doc).doc.getArray("a").push(rows);
        sim.run(1_000);
        assertEquals(2_000, ((YSimDocument) b.doc).doc.getArray("a").length());
        assertTrue(a.session.stats().largestMessage <= 16 * 1024 + 8);
    }

    @Test
    public void leaveDuringRetryNeverReconnects() {
        SimRoom sim = new SimRoom(4);
        SimPeer a = sim.addPeer();
        a.join(SimRoom.code("ABCDEF"));
        sim.run(1_000);
        sim.server.stop();
        sim.run(100);
        assertEquals(ConnectionState.RETRYING, a.state());
        a.leave();
        sim.server.start();
        sim.run(600_000);
        assertEquals(ConnectionState.DISCONNECTED, a.state());
        assertEquals(0, sim.server.connectionCount());
    }
}
