package org.vaultsync.sync.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulated network must fail the way real networks do, or the chaos runs prove the wrong thing. */
class SimNetworkTest {
    @Test
    void anOrderedStreamHeldUpByAPartitionDeliversEverythingInOrderOnceItHeals() {
        SimNetwork network = new SimNetwork(1);
        List<Integer> received = new ArrayList<>();
        network.deliverOrdered("ws", "a", "b", () -> received.add(1)); // on the wire when the partition starts
        network.partition(List.of(Set.of("a")));
        network.deliverOrdered("ws", "a", "b", () -> received.add(2)); // sent during the partition
        network.clock.advance(2_000);
        assertEquals(List.of(), received, "nothing crosses a partition");
        assertEquals(2, network.stalledFrames());

        network.deliverOrdered("ws", "a", "b", () -> received.add(3));
        network.heal();
        network.deliverOrdered("ws", "a", "b", () -> received.add(4));
        network.clock.advance(1_000);

        assertEquals(List.of(1, 2, 3, 4), received, "TCP retransmits: late, in order, none lost");
        assertEquals(0, network.stalledFrames());
    }

    @Test
    void framesInFlightWhenAShortPartitionHealsDoNotOvertakeTheOnesItHeldUp() {
        SimNetwork network = new SimNetwork(2);
        network.minDelay = 100;
        network.maxDelay = 100;
        List<Integer> received = new ArrayList<>();
        network.deliverOrdered("ws", "a", "b", () -> received.add(1));
        network.clock.advance(50);
        network.block("a", "b");
        network.clock.advance(60); // frame 1 is due now and stalls
        network.heal();
        network.deliverOrdered("ws", "a", "b", () -> received.add(2));
        network.clock.advance(1_000);
        assertEquals(List.of(1, 2), received);
    }

    @Test
    void datagramsAcrossAPartitionAreLostNotHeld() {
        SimNetwork network = new SimNetwork(3);
        List<Integer> received = new ArrayList<>();
        network.block("a", "b");
        network.deliverDatagram("a", "b", () -> received.add(1));
        network.heal();
        network.clock.advance(1_000);
        assertEquals(List.of(), received);
    }
}
