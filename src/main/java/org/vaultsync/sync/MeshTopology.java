package org.vaultsync.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.presence.Awareness;
import org.vaultsync.sync.mesh.PeerChannel;

/**
 * Who is connected to whom, as each of our peers advertises in its awareness state
 * ({@code mesh: {peer: signalingPeerId, links: [peer ids]}}; other apps ignore the field). Relay rule: an update
 * that came from peer X goes on to neighbour Y only if X does not list Y among its links, because X sends to its
 * own links itself. Following the chain of senders back to the author shows every peer is reached; in a full mesh
 * nothing is relayed at all (y-webrtc: n·(n−1) messages per edit, here n−1). A sender without the field (a plain
 * y-webrtc peer) is relayed for, exactly as y-webrtc would.
 */
final class MeshTopology {
    static final String FIELD = "mesh";

    private final Awareness awareness;
    private final String localPeerId;

    MeshTopology(Awareness awareness, String localPeerId) {
        this.awareness = awareness;
        this.localPeerId = localPeerId;
    }

    void linksChanged(List<String> peerIds) {
        List<String> sorted = new ArrayList<>(peerIds);
        Collections.sort(sorted);
        Map<String, Object> mesh = new LinkedHashMap<>();
        mesh.put("peer", localPeerId);
        mesh.put("links", sorted);
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
