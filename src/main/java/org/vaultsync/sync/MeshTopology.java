package org.vaultsync.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.common.Cancellable;
import org.vaultsync.common.Scheduler;
import org.vaultsync.presence.Awareness;
import org.vaultsync.sync.mesh.PeerChannel;

/**
 * Who is connected to whom, as each of our peers advertises in its awareness state
 * ({@code mesh: {peer: signalingPeerId, links: [peer ids]}}; other apps ignore the field). Relay rule: an update
 * that came from peer X goes on to neighbour Y only if X does not list Y among its links, because X sends to its
 * own links itself. Following the chain of senders back to the author shows every peer is reached; in a full mesh
 * nothing is relayed at all (y-webrtc: n·(n−1) messages per edit, here n−1). A sender without the field (a plain
 * y-webrtc peer) is relayed for, exactly as y-webrtc would.
 *
 * <p>New links are advertised once they stop arriving ({@link #QUIET_MILLIS}, at most {@link #MAX_DELAY_MILLIS}
 * after the first): every advertisement is an awareness change that all neighbours apply and that those not yet in
 * our list relay on, so a newcomer that advertised each of its n−1 connections as it opened cost the room about
 * n³/6 relayed messages, and in a 10-page room on two cores that work delayed the answers to the next newcomer's
 * announce. Until then a neighbour relays for us where it need not: a duplicate, never a loss. A link that is gone
 * is advertised at once, since neighbours would otherwise leave that peer to us and it would miss updates.
 */
final class MeshTopology {
    static final String FIELD = "mesh";
    static final long QUIET_MILLIS = 150;
    static final long MAX_DELAY_MILLIS = 1_000;

    private final Awareness awareness;
    private final String localPeerId;
    private final Scheduler scheduler;
    private List<String> advertised = List.of();
    private List<String> pending;
    private long pendingSince;
    private Cancellable timer;

    MeshTopology(Awareness awareness, String localPeerId, Scheduler scheduler) {
        this.awareness = awareness;
        this.localPeerId = localPeerId;
        this.scheduler = scheduler;
    }

    void linksChanged(List<String> peerIds) {
        List<String> sorted = new ArrayList<>(peerIds);
        Collections.sort(sorted);
        if (!sorted.containsAll(advertised)) {
            advertise(sorted);
            return;
        }
        long now = scheduler.now();
        if (pending == null) {
            pendingSince = now;
        }
        pending = sorted;
        if (timer != null) {
            timer.cancel();
        }
        long delay = Math.max(0, Math.min(QUIET_MILLIS, pendingSince + MAX_DELAY_MILLIS - now));
        timer = scheduler.schedule(delay, () -> {
            timer = null;
            advertise(pending);
        });
    }

    /** The room is left: nothing more is advertised. */
    void close() {
        cancelPending();
    }

    private void cancelPending() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        pending = null;
    }

    private void advertise(List<String> links) {
        cancelPending();
        if (links.equals(advertised) && awareness.getLocalState() instanceof Map<?, ?> state && state.containsKey(FIELD)) {
            return;
        }
        advertised = links;
        Map<String, Object> mesh = new LinkedHashMap<>();
        mesh.put("peer", localPeerId);
        mesh.put("links", links);
        awareness.setLocalStateField(FIELD, mesh);
    }

    boolean needsRelay(PeerChannel from, PeerChannel to) {
        if (from.isBroadcast() || to.isBroadcast()) {
            return true; // a BroadcastChannel message does not say which tab sent it; tabs are cheap to reach
        }
        List<?> links = linksOf(from.id());
        return links == null || !links.contains(to.id());
    }

    private List<?> linksOf(String peerId) {
        for (Object state : awareness.getStates().values()) {
            if (state instanceof Map<?, ?> map && map.get(FIELD) instanceof Map<?, ?> mesh
                    && peerId.equals(mesh.get("peer")) && mesh.get("links") instanceof List<?> links) {
                return links;
            }
        }
        return null;
    }
}
