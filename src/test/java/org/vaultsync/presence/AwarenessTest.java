package org.vaultsync.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultsync.crdt.Hex;
import org.vaultsync.json.Json;
import org.vaultsync.protocol.AwarenessUpdate;
import org.vaultsync.protocol.ProtocolException;
import org.vaultsync.sync.VirtualScheduler;

class AwarenessTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final Awareness a = new Awareness(1, clock);
    private final Awareness b = new Awareness(2, clock);

    AwarenessTest() {
        // the initial {} has clock 0, which y-protocols never applies remotely (0 is not newer than unknown)
        a.setLocalStateField("cursor", 1);
    }

    private static void send(Awareness from, Awareness to) throws ProtocolException {
        to.applyUpdate(from.encodeAllStates(), "remote");
    }

    @Test
    void localStateEncodesLikeYProtocols() throws Exception {
        Awareness one = new Awareness(1, clock);
        one.setLocalState(Json.parse("{\"user\":{\"name\":\"A\",\"color\":\"#ff0000\"}}"));
        // clock 1: the initial {} was clock 0, as in y-protocols; the bytes are protocol-messages.json's vector
        assertEquals("010101277b2275736572223a7b226e616d65223a2241222c22636f6c6f72223a2223666630303030227d7d",
                Hex.of(one.encodeUpdate(List.of(1))));
    }

    @Test
    void theInitialEmptyStateAtClockZeroIsNotAppliedLikeInYProtocols() throws Exception {
        Awareness fresh = new Awareness(3, clock);
        b.applyUpdate(fresh.encodeAllStates(), "remote");
        assertFalse(b.getStates().containsKey(3));
    }

    @Test
    void remoteStatesArriveAndHigherClocksWin() throws Exception {
        a.setLocalStateField("user", Map.of("name", "A"));
        send(a, b);
        assertEquals(a.getLocalState(), b.getStates().get(1));
        byte[] stale = a.encodeUpdate(List.of(1));
        a.setLocalStateField("user", Map.of("name", "A2"));
        send(a, b);
        b.applyUpdate(stale, "late duplicate");
        assertEquals(Map.of("name", "A2"), ((Map<?, ?>) b.getStates().get(1)).get("user"));
    }

    @Test
    void listenersSeeAddedUpdatedRemovedAndWhetherAnythingChanged() throws Exception {
        List<AwarenessChange> changes = new ArrayList<>();
        b.addListener((change, origin) -> changes.add(change));
        send(a, b);
        assertEquals(List.of(1), changes.get(0).added());
        a.setLocalState(a.getLocalState());
        send(a, b);
        assertEquals(List.of(1), changes.get(1).updated());
        assertFalse(changes.get(1).changed(), "a pure renewal changes nothing");
        a.destroy();
        b.applyUpdate(a.encodeUpdate(List.of(1)), "remote");
        assertEquals(List.of(1), changes.get(2).removed());
        assertNull(b.getStates().get(1));
    }

    @Test
    void remoteStatesTimeOutAfterThirtySecondsWhileTheLocalOneIsRenewed() throws Exception {
        send(a, b);
        List<AwarenessChange> seen = new ArrayList<>();
        a.addListener((change, origin) -> seen.add(change));
        clock.advance(29_000);
        assertTrue(b.getStates().containsKey(1));
        assertFalse(seen.isEmpty(), "a renewed its own state within 15 s");
        clock.advance(4_000);
        assertFalse(b.getStates().containsKey(1), "b never heard the renewal, so a timed out");
        assertTrue(a.getStates().containsKey(1));
    }

    @Test
    void aPeerCannotRemoveOurLiveState() throws Exception {
        byte[] removal = AwarenessUpdate.encode(List.of(new AwarenessUpdate.Entry(1, 5, "null")));
        List<AwarenessChange> seen = new ArrayList<>();
        a.addListener((change, origin) -> seen.add(change));
        a.applyUpdate(removal, "remote");
        assertTrue(a.getStates().containsKey(1));
        b.applyUpdate(a.encodeUpdate(List.of(1)), "remote");
        assertEquals(1, seen.size(), "the outbid clock is announced");
        assertTrue(b.getStates().containsKey(1), "clock 6 beats the removal at clock 5");
    }

    @Test
    void aMalformedUpdateChangesNothing() {
        byte[] half = AwarenessUpdate.encode(List.of(new AwarenessUpdate.Entry(7, 1, "{}"),
                new AwarenessUpdate.Entry(8, 1, "{not json")));
        assertThrows(ProtocolException.class, () -> a.applyUpdate(half, "remote"));
        assertFalse(a.getStates().containsKey(7));
        assertThrows(ProtocolException.class, () -> a.applyUpdate(new byte[] {5}, "remote"));
    }

    @Test
    void destroyStopsTheTimer() {
        a.destroy();
        b.destroy();
        assertEquals(0, clock.pendingTasks());
    }
}
