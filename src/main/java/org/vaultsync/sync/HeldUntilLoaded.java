package org.vaultsync.sync;

import java.util.ArrayList;
import java.util.List;
import org.vaultsync.sync.mesh.PeerChannel;
import org.vaultsync.sync.mesh.RoomMesh;

/**
 * Stands between a room's mesh and its sync while the stored document is still loading: connections are made (the
 * room announces itself as early as y-webrtc does, so the WebRTC handshake overlaps the load), but what they report
 * (a channel opened, a message, a close) is held, in order, and handed to the sync only once the document is
 * complete. No peer or tab hears our step 1 or our state from a half-loaded document, and nothing received is
 * applied before what is stored here.
 */
final class HeldUntilLoaded implements RoomMesh.Listener {
    private final RoomMesh.Listener sync;
    /** What happened while loading, in order; null once loaded. */
    private List<Runnable> held = new ArrayList<>();

    HeldUntilLoaded(RoomMesh.Listener sync) {
        this.sync = sync;
    }

    /** The document is complete: replays what was held, then passes everything straight on. */
    void loaded() {
        List<Runnable> replay = held;
        if (replay == null) {
            return;
        }
        held = null;
        for (Runnable event : replay) {
            event.run();
        }
    }

    private void deliver(Runnable event) {
        if (held != null) {
            held.add(event);
        } else {
            event.run();
        }
    }

    @Override
    public void onChannelOpen(PeerChannel channel) {
        deliver(() -> sync.onChannelOpen(channel));
    }

    @Override
    public void onChannelMessage(PeerChannel channel, byte[] message) {
        deliver(() -> sync.onChannelMessage(channel, message));
    }

    @Override
    public void onChannelClosed(PeerChannel channel) {
        deliver(() -> sync.onChannelClosed(channel));
    }

    @Override
    public void onBroadcastPeerJoined(PeerChannel channel) {
        deliver(() -> sync.onBroadcastPeerJoined(channel));
    }
}
