package org.vaultsync.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.common.Scheduler;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crypto.CryptoCallback;
import org.vaultsync.crypto.CryptoException;
import org.vaultsync.crypto.KeyDerivation;
import org.vaultsync.crypto.RoomKey;
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
import org.vaultsync.sync.persistence.RoomKeyStore;
import org.vaultsync.sync.persistence.RoomPersistence;
import org.vaultsync.sync.persistence.RoomStorage;
import org.vaultsync.sync.persistence.RoomStore;
import org.vaultsync.common.StorageCallback;

/**
 * The sync API the app uses (the seed's {@code createSyncRoom}, {@code joinSyncRoom}, {@code leaveCurrentRoom}, ...):
 * one room at a time, whose document is loaded from this device's storage before any peer or tab is connected (the
 * signaling connection opens meanwhile) and saved as it changes, then synced with the room through a
 * {@link RoomSession}. Platform parts come in through {@link Platform},
 * so the same class runs in the browser and, with simulated transports, in JVM tests.
 */
public final class SyncClient {
    public static final String LAST_ROOM_KEY = "vault-sync.last-room";
    /** How long after an open room has loaded a password key stored for it earlier is deleted. */
    static final long FORGET_KEY_DELAY_MILLIS = 3_000;
    /** "true" when the last room has a password: resuming it needs its stored key (or asks for the password). */
    public static final String LAST_ROOM_PROTECTED_KEY = "vault-sync.last-room-protected";

    /** What a platform provides: transports, time, randomness, preferences, room storage and password keys. */
    public record Platform(SignalingTransport signaling, PeerTransport peers, BroadcastTransport broadcast,
                           Scheduler scheduler, DoubleSupplier random, RandomBytes randomBytes,
                           PreferenceStore preferences, RoomStorage storage, KeyDerivation keys,
                           RoomKeyStore keyStore, String origin) {
    }

    private final Platform platform;
    private final LocalIdentity identity;
    private final RoomSession session;
    private final List<Consumer<ConnectionStatus>> statusListeners = new ArrayList<>();
    private final List<RoomListener> roomListeners = new ArrayList<>();
    private Room room;
    private boolean offline;

    /** Told when a room's document is ready to use (stored state applied, not yet connected) and when it closes. */
    public interface RoomListener {
        void roomReady(RoomCode code, YDocSyncDocument document);

        void roomClosed(RoomCode code);
    }

    /** The room currently joined: its document and its copy on disk. */
    private static final class Room {
        final RoomCode code;
        final Doc doc;
        /** One protocol view of the document for the room's whole stay, so listeners on it (the vault) persist. */
        final YDocSyncDocument sync;
        RoomAccess access;
        RoomPersistence persistence;
        boolean loaded;
        /** Work that waits for the stored document: storage requests that must not compete with loading it. */
        final List<Runnable> whenLoaded = new ArrayList<>();

        Room(RoomCode code, Doc doc, RoomAccess access) {
            this.code = code;
            this.doc = doc;
            this.sync = new YDocSyncDocument(doc);
            this.access = access;
        }

        /** Still deriving the password key: nothing connects yet. */
        boolean awaitingKey() {
            return access == null;
        }
    }

    public SyncClient(Platform platform) {
        this.platform = platform;
        this.identity = LocalIdentity.load(platform.preferences(), platform.randomBytes());
        this.session = new RoomSession(platform.signaling(), platform.peers(), platform.broadcast(),
                platform.scheduler(), platform.random(), platform.randomBytes(), identity);
        session.addStatusListener(status -> notifyStatus());
        session.events().add(event -> {
            if (event instanceof SyncEvent.WrongPassword wrong && room != null
                    && room.code.value().equals(wrong.roomCode())) {
                forgetKey(room.code); // a key from a wrong password must not come back after a reload
            }
        });
    }

    /**
     * The player is about to join or create a room (the join screen is open): WebRTC's first connection, whose
     * making blocks the page for tens of milliseconds, is made now, while the page waits for the player, instead of
     * during the join. Connects nothing and sends nothing; a later join takes it. Not while a room is open or
     * loading: that room makes it itself once its stored state is applied, and a large room's load (what the player
     * waits to see after a reload) must not wait for it.
     */
    public void prepareToConnect() {
        if (room == null) {
            platform.peers().prepare();
        }
    }

    /** Creates an open room with a fresh code and joins it. */
    public RoomCode createSyncRoom() {
        return createSyncRoom(RoomOptions.open());
    }

    /** Creates a room with a fresh code (with a password: end-to-end encrypted) and joins it. */
    public RoomCode createSyncRoom(RoomOptions options) {
        RoomCode code = RoomCode.generate(platform.randomBytes());
        join(code, options);
        return code;
    }

    /** Joins by code ({@code abc-def} is fine) or share link; throws with a message fit to show when it is neither. */
    public RoomCode joinSyncRoom(String codeOrLink) throws InvalidRoomCodeException {
        return joinSyncRoom(codeOrLink, RoomOptions.open());
    }

    /** Joins with a password ({@code null} or empty: an open room). */
    public RoomCode joinSyncRoom(String codeOrLink, String password) throws InvalidRoomCodeException {
        return joinSyncRoom(codeOrLink, RoomOptions.withPassword(password));
    }

    public RoomCode joinSyncRoom(String codeOrLink, RoomOptions options) throws InvalidRoomCodeException {
        RoomCode code = JoinLink.parse(codeOrLink);
        join(code, options);
        return code;
    }

    /** Joins a code already parsed (e.g. from a share link the app routed). */
    public void joinSyncRoom(RoomCode code, RoomOptions options) {
        join(code, options);
    }

    /** Leaves for good: nothing reconnects, the room's data stays on this device (see {@link #forgetRoomData}). */
    public void leaveCurrentRoom() {
        platform.preferences().put(LAST_ROOM_KEY, "");
        platform.preferences().put(LAST_ROOM_PROTECTED_KEY, "");
        closeRoom();
        session.leave();
        notifyStatus();
    }

    /**
     * Rejoins the room that was active before the page was reloaded; false when there was none. A password room
     * comes back with its stored key; without one, a {@code password-required} event asks for the password.
     */
    public boolean resumeLastRoom() {
        RoomCode code = lastRoom(platform.preferences());
        if (code == null) {
            return false;
        }
        if (!"true".equals(platform.preferences().get(LAST_ROOM_PROTECTED_KEY))) {
            join(code, RoomOptions.open());
            return true;
        }
        platform.keyStore().load(RoomName.of(code), new StorageCallback<>() {
            @Override
            public void done(RoomKey key) {
                if (key == null) {
                    session.events().emit(new SyncEvent.PasswordRequired(code.value()));
                } else {
                    open(code, RoomAccess.password(key));
                }
            }

            @Override
            public void failed(String message) {
                session.events().emit(new SyncEvent.PasswordRequired(code.value()));
            }
        });
        return true;
    }

    /**
     * The storage name of the room {@link #resumeLastRoom()} would rejoin, or null: lets a page start reading that
     * room's stored document before the client exists (the browser reads while the rest of the page starts).
     */
    public static String lastRoomName(PreferenceStore preferences) {
        RoomCode code = lastRoom(preferences);
        return code == null ? null : RoomName.of(code);
    }

    private static RoomCode lastRoom(PreferenceStore preferences) {
        String last = preferences.get(LAST_ROOM_KEY);
        if (last == null || last.isEmpty() || !RoomCode.isValid(last)) {
            return null;
        }
        try {
            return RoomCode.parse(last);
        } catch (InvalidRoomCodeException e) {
            return null;
        }
    }

    /** Deletes a room's copy on this device; leaves it first if it is the current room. */
    public void forgetRoomData(RoomCode code, StorageCallback<Void> callback) {
        if (room != null && room.code.equals(code)) {
            leaveCurrentRoom();
        }
        forgetKey(code);
        platform.storage().delete(RoomName.of(code), callback);
    }

    /** True when the current room is a password room. */
    public boolean isPasswordRoom() {
        return room != null && room.access != null && room.access.isPasswordProtected();
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
        if (room != null && (!room.loaded || room.awaitingKey())) {
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

    /**
     * Changes this install's display name (kept on the device) and tells the room at once; throws
     * {@link IllegalArgumentException} with a message fit to show for a blank name, changing nothing.
     */
    public void rename(String name) {
        identity.rename(name);
        session.identityChanged();
        notifyStatus();
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

    /** Follows rooms opening and closing (a listener added while a room is ready hears of it at once). */
    public Runnable onRoomChange(RoomListener listener) {
        roomListeners.add(listener);
        if (room != null && room.loaded) {
            listener.roomReady(room.code, room.sync);
        }
        return () -> roomListeners.remove(listener);
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

    private void join(RoomCode code, RoomOptions options) {
        if (!options.hasPassword()) {
            // A key stored while this room had a password is of no use now. Its store is the room's own database:
            // deleting it at once would open that database a second time while the stored document loads (for a
            // new room, both opens wait for it to be created), and right after the load come the first peers'
            // offers and answers, which should not wait behind it either: it is deleted a little later.
            Room joined = open(code, RoomAccess.open());
            rememberLastRoom(code, options);
            afterLoad(joined, () -> platform.scheduler().schedule(FORGET_KEY_DELAY_MILLIS, () -> {
                if (joined.access != null && !joined.access.isPasswordProtected()) { // not joined with a password since
                    forgetKey(code);
                }
            }));
            return;
        }
        String roomName = RoomName.of(code);
        Room deriving = open(code, null);
        rememberLastRoom(code, options);
        platform.keys().deriveRoomKey(options.password(), roomName, new CryptoCallback<>() {
            @Override
            public void succeeded(RoomKey key) {
                if (room != deriving) {
                    return;
                }
                deriving.access = RoomAccess.password(key).withDataChannelEncryption(options.encryptDataChannels());
                platform.keyStore().save(key, new StorageCallback<>() {
                    @Override
                    public void done(Void value) {
                    }

                    @Override
                    public void failed(String message) {
                        session.events().emit(new SyncEvent.StorageError("The room's key could not be saved on this "
                                + "device (" + message + "); after a reload you will be asked for the password again."));
                    }
                });
                connect(deriving);
            }

            @Override
            public void failed(CryptoException error) {
                if (room == deriving) {
                    session.events().emit(new SyncEvent.Error("Password rooms need a secure page (https) in a "
                            + "browser with WebCrypto: " + error.getMessage()));
                }
            }
        });
    }

    /**
     * For {@link #resumeLastRoom()} after a reload. Written once the signaling socket is on its way: a page's first
     * {@code localStorage} write waits for the browser to load the page's storage (several ms at a join).
     */
    private void rememberLastRoom(RoomCode code, RoomOptions options) {
        platform.preferences().put(LAST_ROOM_KEY, code.value());
        platform.preferences().put(LAST_ROOM_PROTECTED_KEY, options.hasPassword() ? "true" : "");
    }

    /**
     * Makes {@code code} the current room, loading its stored document; once its key is known (password rooms) the
     * signaling side connects at once and the room itself once the document is loaded. {@code access} null: the key
     * is still being derived.
     */
    private Room open(RoomCode code, RoomAccess access) {
        if (room != null && room.code.equals(code) && access != null && access.equals(room.access)) {
            if (room.loaded && !offline) {
                rejoin(room);
            }
            return room;
        }
        if (room != null && room.code.equals(code)) {
            // same room, another password (e.g. after WRONG_PASSWORD): keep the loaded document, new access
            room.access = access;
            if (access != null) {
                connect(room);
            }
            return room;
        }
        if (!offline) {
            platform.signaling().preconnect(); // its handshake runs while the room below is being set up
        }
        closeRoom();
        session.leave();
        Room joining = new Room(code, new Doc(platform.randomBytes()), access);
        room = joining;
        // The stored document is asked for first, so the browser opens the database while the room's sync is set
        // up below; signaling opens while it loads, and peers wait for it (RoomSession).
        platform.storage().open(RoomName.of(code), new StorageCallback<>() {
            @Override
            public void done(RoomStore store) {
                if (room != joining) {
                    store.close();
                    return;
                }
                joining.persistence = new RoomPersistence(joining.doc, store, platform.scheduler(),
                        new PersistenceReport(code));
                joining.persistence.load(() -> loaded(joining));
            }

            @Override
            public void failed(String message) {
                session.events().emit(new SyncEvent.StorageError(
                        "This room cannot be saved on this device (" + message + "); it still syncs while open."));
                loaded(joining);
            }
        });
        connect(joining); // nothing more if the storage answered at once and the load connected it already
        return joining;
    }

    /** The room's stored document is applied (or could not be read): it may connect fully now. */
    private void loaded(Room joining) {
        joining.loaded = true;
        announceReady(joining);
        connect(joining);
        runWaiting(joining);
    }

    private static void runWaiting(Room target) {
        List<Runnable> waiting = new ArrayList<>(target.whenLoaded);
        target.whenLoaded.clear();
        for (Runnable action : waiting) {
            action.run();
        }
    }

    /** Runs {@code action} once {@code target}'s stored document is loaded, or it is closed before (at once if loaded). */
    private static void afterLoad(Room target, Runnable action) {
        if (target.loaded) {
            action.run();
        } else {
            target.whenLoaded.add(action);
        }
    }

    private void forgetKey(RoomCode code) {
        platform.keyStore().delete(RoomName.of(code), new StorageCallback<>() {
            @Override
            public void done(Void value) {
            }

            @Override
            public void failed(String message) {
                session.events().emit(new SyncEvent.StorageError("A stored room key could not be removed: " + message));
            }
        });
    }

    /**
     * Connects the room once its access (password key) is known: while its document is still loading only the
     * signaling side ({@link RoomSession#joinWhileLoading}), fully once it is loaded.
     */
    private void connect(Room joining) {
        if (room != joining || joining.awaitingKey()) {
            notifyStatus();
            return;
        }
        if (!offline) {
            if (joining.loaded) {
                session.join(joining.code, joining.sync, joining.doc.clientId(), joining.access);
            } else {
                session.joinWhileLoading(joining.code, joining.sync, joining.doc.clientId(), joining.access);
            }
        }
        notifyStatus();
    }

    /**
     * Joins the room again in this page. The document takes a fresh Yjs client id first: peers remember our old
     * awareness entry as removed at a higher clock than a new one would start with, and would ignore us.
     */
    private void rejoin(Room current) {
        if (current.awaitingKey()) {
            return;
        }
        if (session.status().state() != ConnectionState.DISCONNECTED) {
            session.join(current.code, current.sync, current.doc.clientId(), current.access);
            return;
        }
        current.doc.setClientId(freshClientId());
        session.join(current.code, current.sync, current.doc.clientId(), current.access);
    }

    private int freshClientId() {
        byte[] bytes = new byte[4];
        platform.randomBytes().fill(bytes);
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
    }

    private void closeRoom() {
        Room closing = room;
        if (closing == null) {
            return;
        }
        room = null;
        if (closing.loaded) {
            for (RoomListener listener : new ArrayList<>(roomListeners)) {
                listener.roomClosed(closing.code);
            }
        }
        if (closing.persistence != null) {
            closing.persistence.close();
        }
        runWaiting(closing); // left before its document loaded: what waited for it is still due
    }

    private void announceReady(Room ready) {
        if (room != ready) {
            return;
        }
        for (RoomListener listener : new ArrayList<>(roomListeners)) {
            listener.roomReady(ready.code, ready.sync);
        }
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
