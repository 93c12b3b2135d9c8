package org.vaultsync.presence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.sync.SyncEvent;
import org.vaultsync.sync.SyncEvents;

/**
 * The people in the room, derived from awareness states only (the one source of truth for presence). Several
 * awareness clients with the same {@code user.id} (a reconnect with a new client id, a second tab) are one person;
 * states without a {@code user.id} (plain Yjs clients) count once per client id. Emits peer-joined / peer-left.
 */
public final class PeerRoster {
    public static final String ANONYMOUS = "Anonymous";

    private final Awareness awareness;
    private final String selfId;
    private final SyncEvents events;
    private Map<String, PeerIdentity> remote = new LinkedHashMap<>();
    /** Every remote awareness client's last name seen, kept after it leaves (see {@link #nameOf}). */
    private final Map<Integer, String> namesByClient;
    /** Each current awareness client's identity as of the last refresh (the local client's too). */
    private final Map<Integer, PeerIdentity> identities = new HashMap<>();

    public PeerRoster(Awareness awareness, String selfId, SyncEvents events) {
        this(awareness, selfId, events, new HashMap<>());
    }

    /** {@code namesByClient}: where names seen are kept; a rejoin of the same room hands over the earlier one's. */
    public PeerRoster(Awareness awareness, String selfId, SyncEvents events, Map<Integer, String> namesByClient) {
        this.namesByClient = namesByClient;
        this.awareness = awareness;
        this.selfId = selfId;
        this.events = events;
        awareness.addListener((change, origin) -> {
            if (changesIdentities(change)) {
                refresh();
            }
        });
        refresh();
    }

    /** Remote people, by name then id. */
    public List<PeerIdentity> remotePeers() {
        List<PeerIdentity> peers = new ArrayList<>(remote.values());
        peers.sort((a, b) -> {
            int byName = a.name().compareTo(b.name());
            return byName != 0 ? byName : a.id().compareTo(b.id());
        });
        return peers;
    }

    public int remoteCount() {
        return remote.size();
    }

    /**
     * The name a remote awareness client (a peer's Yjs client id) had when last seen in this room, even if it has
     * left since: a peer back from offline sends its edits before its presence, and those edits should name it.
     */
    public String nameOf(int clientId) {
        return namesByClient.get(clientId);
    }

    /**
     * Whether a change can alter the roster: most changes are clock renewals and other fields of a state (the mesh
     * links, cursors), for which rebuilding the roster from every state was most of what a change cost.
     */
    private boolean changesIdentities(AwarenessChange change) {
        if (!change.added().isEmpty() || !change.removed().isEmpty()) {
            return true;
        }
        for (Integer client : change.updated()) {
            Object state = awareness.getStates().get(client);
            if (state == null || !identityOf(client, state).equals(identities.get(client))) {
                return true;
            }
        }
        return false;
    }

    private void refresh() {
        Map<String, PeerIdentity> next = new LinkedHashMap<>();
        identities.clear();
        for (Map.Entry<Integer, Object> entry : awareness.getStates().entrySet()) {
            PeerIdentity peer = identityOf(entry.getKey(), entry.getValue());
            identities.put(entry.getKey(), peer);
            if (entry.getKey() == awareness.clientId()) {
                continue;
            }
            if (!peer.id().equals(selfId)) {
                next.putIfAbsent(peer.id(), peer);
                namesByClient.put(entry.getKey(), peer.name());
            }
        }
        Map<String, PeerIdentity> previous = remote;
        remote = next;
        for (PeerIdentity peer : next.values()) {
            if (!previous.containsKey(peer.id())) {
                events.emit(new SyncEvent.PeerJoined(peer));
            }
        }
        for (PeerIdentity peer : previous.values()) {
            if (!next.containsKey(peer.id())) {
                events.emit(new SyncEvent.PeerLeft(peer.id(), peer.name()));
            }
        }
    }

    /** Reads {@code user: {id, name, color}}; anything missing or malformed falls back to a per-client identity. */
    public static PeerIdentity identityOf(int clientId, Object state) {
        String id = "client:" + Integer.toUnsignedString(clientId);
        String name = ANONYMOUS;
        String color = "";
        if (state instanceof Map<?, ?> map && map.get("user") instanceof Map<?, ?> user) {
            if (user.get("id") instanceof String s && !s.isEmpty()) {
                id = s;
            }
            if (user.get("name") instanceof String s && !LocalIdentity.cleanName(s).isEmpty()) {
                name = LocalIdentity.cleanName(s);
            }
            if (user.get("color") instanceof String s) {
                color = s;
            }
        }
        return new PeerIdentity(id, name, color);
    }
}
