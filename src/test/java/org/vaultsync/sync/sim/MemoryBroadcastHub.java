package org.vaultsync.sync.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.vaultsync.sync.mesh.BroadcastPort;
import org.vaultsync.sync.mesh.BroadcastTransport;

/** In-memory BroadcastChannel: ports of the same browser profile and channel name hear each other, not themselves. */
public final class MemoryBroadcastHub {
    private final SimNetwork network;
    private final Map<String, List<Port>> channels = new HashMap<>();
    public long messagesPosted;
    /** Sees every BroadcastChannel message posted (tests that check what travels). */
    public java.util.function.Consumer<byte[]> tap = message -> { };

    public MemoryBroadcastHub(SimNetwork network) {
        this.network = network;
    }

    public BroadcastTransport transportFor(String browserProfile) {
        return (channelName, onMessage) -> {
            Port port = new Port(browserProfile + "|" + channelName, onMessage);
            channels.computeIfAbsent(port.key, k -> new ArrayList<>()).add(port);
            return port;
        };
    }

    private final class Port implements BroadcastPort {
        final String key;
        final Consumer<byte[]> onMessage;
        boolean closed;

        Port(String key, Consumer<byte[]> onMessage) {
            this.key = key;
            this.onMessage = onMessage;
        }

        @Override
        public void post(byte[] message) {
            if (closed) {
                return;
            }
            messagesPosted++;
            tap.accept(message.clone());
            for (Port other : new ArrayList<>(channels.get(key))) {
                if (other != this) {
                    byte[] copy = message.clone();
                    network.clock.schedule(0, () -> {
                        if (!other.closed) {
                            other.onMessage.accept(copy);
                        }
                    });
                }
            }
        }

        @Override
        public void close() {
            closed = true;
            channels.get(key).remove(this);
        }
    }
}
