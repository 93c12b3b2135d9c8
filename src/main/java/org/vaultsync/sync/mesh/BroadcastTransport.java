package org.vaultsync.sync.mesh;

import java.util.function.Consumer;

/** Opens BroadcastChannel subscriptions by channel name (the room name). */
@FunctionalInterface
public interface BroadcastTransport {
    BroadcastPort open(String channelName, Consumer<byte[]> onMessage);
}
