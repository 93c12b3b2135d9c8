package org.vaultsync.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultsync.sync.SyncEvent;
import org.vaultsync.sync.SyncEvents;
import org.vaultsync.sync.VirtualScheduler;

class PeerRosterTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final SyncEvents events = new SyncEvents();
    private final List<SyncEvent> seen = new ArrayList<>();
    private final Awareness mine = new Awareness(10, clock);
    private final PeerRoster roster;

    PeerRosterTest() {
        events.add(seen::add);
        mine.setLocalStateField("user", Map.of("id", "me", "name", "Me", "color", "#000"));
        roster = new PeerRoster(mine, "me", events);
    }

    private Awareness peer(int clientId, String userId, String name) throws Exception {
        Awareness other = new Awareness(clientId, clock);
        if (userId != null) {
            other.setLocalStateField("user", Map.of("id", userId, "name", name, "color", "#123456"));
        } else {
            other.setLocalStateField("cursor", 0);
        }
        mine.applyUpdate(other.encodeAllStates(), "remote");
        return other;
    }

    @Test
    void peersJoinAndLeaveWithIdAndName() throws Exception {
        Awareness bob = peer(20, "bob-id", "Bob");
        assertEquals(List.of(new SyncEvent.PeerJoined(new PeerIdentity("bob-id", "Bob", "#123456"))), seen);
        assertEquals(1, roster.remoteCount());
        bob.destroy();
        mine.applyUpdate(bob.encodeUpdate(List.of(20)), "remote");
        assertEquals(new SyncEvent.PeerLeft("bob-id", "Bob"), seen.get(1));
        assertEquals(0, roster.remoteCount());
    }

    @Test
    void aPeersNameIsKnownByItsClientIdAfterItLeaves() throws Exception {
        // a peer back from offline sends its edits before its presence: a conflict with them should still name it
        Awareness bob = peer(20, "bob-id", "Bob");
        peer(21, "bob-id", "Bob");
        assertEquals("Bob", roster.nameOf(20));
        bob.destroy();
        mine.applyUpdate(bob.encodeUpdate(List.of(20)), "remote");
        assertEquals("Bob", roster.nameOf(20));
        assertEquals("Bob", roster.nameOf(21));
        assertEquals(null, roster.nameOf(99), "a client never seen has no name");
    }

    @Test
    void onePersonWithTwoClientIdsCountsOnce() throws Exception {
        peer(20, "bob-id", "Bob");
        peer(21, "bob-id", "Bob");
        assertEquals(1, roster.remoteCount());
        assertEquals(1, seen.size());
    }

    @Test
    void ourOwnOtherTabIsNotARemotePeer() throws Exception {
        peer(30, "me", "Me");
        assertEquals(0, roster.remoteCount());
    }

    @Test
    void plainYjsClientsWithoutUserCountPerClient() throws Exception {
        peer(40, null, null);
        peer(41, null, null);
        assertEquals(2, roster.remoteCount());
        assertEquals("Anonymous", roster.remotePeers().get(0).name());
        assertEquals("client:40", roster.remotePeers().get(0).id());
    }

    @Test
    void timedOutPeersLeave() throws Exception {
        peer(20, "bob-id", "Bob");
        clock.advance(31_000);
        assertEquals(0, roster.remoteCount());
        assertEquals(new SyncEvent.PeerLeft("bob-id", "Bob"), seen.get(seen.size() - 1));
    }

    @Test
    void aRenamedPeerIsRenamedInTheRosterWhileOtherFieldsChangeNothing() throws Exception {
        Awareness bob = peer(20, "bob-id", "Bob");
        bob.setLocalStateField("mesh", Map.of("peer", "p20", "links", List.of("p10")));
        mine.applyUpdate(bob.encodeUpdate(List.of(20)), "remote");
        assertEquals(List.of(new PeerIdentity("bob-id", "Bob", "#123456")), roster.remotePeers());
        bob.setLocalStateField("user", Map.of("id", "bob-id", "name", "Robert", "color", "#123456"));
        mine.applyUpdate(bob.encodeUpdate(List.of(20)), "remote");
        assertEquals(List.of(new PeerIdentity("bob-id", "Robert", "#123456")), roster.remotePeers());
        assertEquals("Robert", roster.nameOf(20));
        assertEquals(1, seen.size(), "one join, no leave: " + seen);
    }
}
