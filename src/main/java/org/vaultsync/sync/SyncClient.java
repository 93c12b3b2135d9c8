package org.vaultsync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.common.Scheduler;
import org.vaultsync.crdt.Doc;
import org.vaultsync.presence.LocalIdentity;
import org.vaultsync.presence.PeerIdentity;
import org.vaultsync.presence.PreferenceStore;
import org.vaultsync.room.InvalidRoomCodeException;
import org.vaultsync.room.JoinLink;
import org.vaultsync.room.RoomCode;
import org.vaultsync.room.RoomName;
import org.vaultsync.sync.mesh.BroadcastTransport;
import org.vaultsync.sync.mesh.PeerTransport;
import org.vaultsync.sync.mesh.SignalingTransport;
import org.vaultsync.sync.persistence.RoomPersistence;
import org.vaultsync.sync.persistence.RoomStorage;
import org.vaultsync.sync.persistence.RoomStore;
import org.vaultsync.sync.persistence.StoreCallback;

/**
 * The sync API the app uses (the seed's {@code createSyncRoom}, {@code joinSyncRoom}, {@code leaveCurrentRoom}, ...):
 * one room at a time, whose document is loaded from this device's storage before anything connects and saved as it
 * changes, then synced with the room through a {@link RoomSession}. Platform parts come in through {@link Platform},
 * so the same class runs in the browser and, with simulated transports, in JVM tests.
 */
public final class SyncClient {
    public static final String LAST_ROOM_KEY = "vault-sync.last-room";

    /** What a platform provides: transports, time, randomness, preferences and room storage. */
    public record Platform(SignalingTransport signaling, PeerTransport peers, BroadcastTransport broadcast,
                           Scheduler scheduler, DoubleSupplier random, RandomBytes randomBytes,
                           PreferenceStore preferences, RoomStorage storage, String origin) {
    }

    private final Platform platform;
    private final LocalIdentity identity;
    private final RoomSession session;
    private final List<Consumer<ConnectionStatus>> statusListeners = new ArrayList<>();
    private Room room;
    private boolean offline;

    /** The room currently joined: its document and its copy on disk. */
    private static final class Room {
        final RoomCode code;
        final Doc doc;
        RoomPersistence persistence;
        boolean loaded;

        Room(RoomCode code, Doc doc) {
            this.code = code;
            this.doc = doc;
        }
    }

    public SyncClient(Platform platform) {
        this.platform = platform;
        this.identity = LocalIdentity.load(platform.preferences(), platform.randomBytes());
        this.session = new RoomSession(platform.signaling(), platform.peers(), platform.broadcast(),
                platform.scheduler(), platform.random(), platform.randomBytes(), identity);
        session.addStatusListener(status -> notifyStatus());
    }

    /** Creates a room with a fresh code and joins it. */
    public RoomCode createSyncRoom() {
        RoomCode code = RoomCode.generate(platform.randomBytes());
        join(code);
        return code;
    }

    /** Joins by code ({@code abc-def} is fine) or share link; throws with a message fit to show when it is neither. */
    public RoomCode joinSyncRoom(String codeOrLink) throws InvalidRoomCodeException {
        RoomCode code = JoinLink.parse(codeOrLink);
        join(code);
        return code;
    }

    /** Leaves for good: nothing reconnects, the room's data stays on this device (see {@link #forgetRoomData}). */
    public void leaveCurrentRoom() {
        platform.preferences().put(LAST_ROOM_KEY, "");
        closeRoom();
        session.leave();
        notifyStatus();
    }

    /** Rejoins the room that was active before the page was reloaded; false when there was none. */
    public boolean resumeLastRoom() {
        String last = platform.preferences().get(LAST_ROOM_KEY);
        if (last == null || last.isEmpty() || !RoomCode.isValid(last)) {
            return false;
        }
        try {
            join(RoomCode.parse(last));
            return true;
        } catch (InvalidRoomCodeException e) {
            return false;
        }
    }

    /** Deletes a room's copy on this device; leaves it first if it is the current room. */
    public void forgetRoomData(RoomCode code, StoreCallback<Void> callback) {
        if (room != null && room.code.equals(code)) {
            leaveCurrentRoom();
        }
        platform.storage().delete(RoomName.of(code), callback);
    }

    public void retry() {
        session.retry();
    }

    /**
     * The browser went on- or offline. Offline, the room lets go of its connections (they cannot work, and the
     * backoff would only burn its attempts) and says so; edits go on being saved. Back online it reconnects at
     * once, and a retry that was waiting skips its wait.
     */
    public void networkChanged(boolean online) {
        if (!online) {
            if (!offline) {
                offline = true;
                session.leave();
                notifyStatus();
            }
            return;
        }
        if (offline) {
            offline = false;
            if (room != null && room.loaded) {
                rejoin(room);
            }
            notifyStatus();
            return;
        }
        ConnectionState state = session.status().state();
        if (state == ConnectionState.RETRYING || state == ConnectionState.ERROR) {
            session.retry();
        }
    }

    public boolean isOffline() {
        return offline;
    }

    public ConnectionStatus getStatus() {
        if (offline && room != null) {
            return new ConnectionStatus(ConnectionState.OFFLINE, room.code.value(), 0, 0, Backoff.MAX_ATTEMPTS, 0,
                    null);
        }
        if (room != null && !room.loaded) {
            return new ConnectionStatus(ConnectionState.CONNECTING, room.code.value(), 0, 0, Backoff.MAX_ATTEMPTS, 0,
                    null);
        }
        return session.status();
    }

    public ConnectionState getConnectionState() {
        return getStatus().state();
    }

    /** Distinct remote people in the room (not counting tabs of one person twice). */
    public int getConnectedPeerCount() {
        return session.peers().size();
    }

    /** Everyone in the room: this install first, then the others. */
    public List<PeerIdentity> getPeers() {
        List<PeerIdentity> all = new ArrayList<>();
        all.add(session.self());
        all.addAll(session.peers());
        return all;
    }

    public LocalIdentity identity() {
        return identity;
    }

    public RoomCode currentRoom() {
        return room == null ? null : room.code;
    }

    /** The current room's document (for the vault layer), or null outside a room. */
    public Doc currentDocument() {
        return room == null ? null : room.doc;
    }

    /** True once the current room's stored document is applied. */
    public boolean isRoomLoaded() {
        return room != null && room.loaded;
    }

    /** The share link of the current room, or null. */
    public String shareLink() {
        return room == null ? null : JoinLink.of(platform.origin(), room.code);
    }

    /** Subscribes to {@link SyncEvent}s; the returned action unsubscribes. */
    public Runnable onSyncEvent(SyncEventListener listener) {
        session.events().add(listener);
        return () -> session.events().remove(listener);
    }

    public Runnable onStatusChange(Consumer<ConnectionStatus> listener) {
        statusListeners.add(listener);
        return () -> statusListeners.remove(listener);
    }

    public RoomSession session() {
        return session;
    }

    /** The current room's persistence (for tests and measurements), or null. */
    public RoomPersistence persistence() {
        return room == null ? null : room.persistence;
    }

    private void join(RoomCode code) {
        platform.preferences().put(LAST_ROOM_KEY, code.value());
        if (room != null && room.code.equals(code)) {
            if (room.loaded && !offline) {
                rejoin(room);
            }
            return;
        }
        closeRoom();
        session.leave();
        Room joining = new Room(code, new Doc(platform.randomBytes()));
        room = joining;
        notifyStatus();
        platform.storage().open(RoomName.of(code), new StoreCallback<>() {
            @Override
            public void done(RoomStore store) {
                if (room != joining) {
                    store.close();
                    return;
                }
                joining.persistence = new RoomPersistence(joining.doc, store, platform.scheduler(),
                        new PersistenceReport(code));
                joining.persistence.load(() -> connect(joining));
            }

            @Override
            public void failed(String message) {
                session.events().emit(new SyncEvent.StorageError(
                        "This room cannot be saved on this device (" + message + "); it still syncs while open."));
                connect(joining);
            }
        });
    }

    private void connect(Room joining) {
        if (room != joining) {
            return;
        }
        joining.loaded = true;
        if (!offline) {
            session.join(joining.code, new YDocSyncDocument(joining.doc), joining.doc.clientId());
        }
        notifyStatus();
    }

    /**
     * Joins the room again in this page. The document takes a fresh Yjs client id first: peers remember our old
     * awareness entry as removed at a higher clock than a new one would start with, and would ignore us.
     */
    private void rejoin(Room current) {
        if (session.status().state() != ConnectionState.DISCONNECTED) {
            session.join(current.code, new YDocSyncDocument(current.doc), current.doc.clientId());
            return;
        }
        current.doc.setClientId(freshClientId());
        session.join(current.code, new YDocSyncDocument(current.doc), current.doc.clientId());
    }

    private int freshClientId() {
        byte[] bytes = new byte[4];
        platform.randomBytes().fill(bytes);
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
    }

    private void closeRoom() {
        if (room != null && room.persistence != null) {
            room.persistence.close();
        }
        room = null;
    }

    private void notifyStatus() {
        ConnectionStatus status = getStatus();
        for (Consumer<ConnectionStatus> listener : new ArrayList<>(statusListeners)) {
            listener.accept(status);
        }
    }

    private final class PersistenceReport implements RoomPersistence.Listener {
        private final RoomCode code;

        PersistenceReport(RoomCode code) {
            this.code = code;
        }

        @Override
        public void onLoaded(int applied, int skipped) {
            session.events().emit(new SyncEvent.RoomLoaded(code.value(), applied, skipped));
        }

        @Override
        public void onStorageError(String message) {
            session.events().emit(new SyncEvent.StorageError(message));
        }
    }
}
