package org.vaultsync.ui;

import java.util.ArrayList;
import java.util.List;
import org.teavm.flavour.templates.Templates;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.vaultsync.browser.BrowserScheduler;
import org.vaultsync.browser.BrowserSyncClient;
import org.vaultsync.browser.BrowserVault;
import org.vaultsync.browser.CryptoRandomBytes;
import org.vaultsync.common.StorageCallback;
import org.vaultsync.sync.SyncClient;
import org.vaultsync.sync.SyncEvent;
import org.vaultsync.vault.ItemType;
import org.vaultsync.vault.MemoryVaultStorage;
import org.vaultsync.vault.RoomVault;
import org.vaultsync.vault.RoomVaultBinding;
import org.vaultsync.vault.VaultChange;
import org.vaultsync.vault.VaultItem;
import org.vaultsync.vault.VaultListener;
import org.vaultsync.vault.VaultStore;

/**
 * What every screen works with, opened once per page: the player's vault (IndexedDB, tabs in step), the sync client
 * (rooms over WebRTC, configured by the server's {@code /client-config.json}) and the binding of the two. Both open
 * asynchronously; screens render their loading state until {@link #isReady} and re-render on {@link #onChange}.
 * The vault opens first so that a resumed room publishes the player's shared items in its first sync; the room's
 * stored document is read meanwhile ({@link BrowserSyncClient#prefetchLastRoom}).
 *
 * <p>Where IndexedDB cannot be opened (a private window of some browsers, disabled storage, HtmlUnit) the vault
 * lives in memory for this page: everything works, and {@link #vaultFailure} says plainly that nothing will be kept
 * after the page closes. Changes are re-rendered once per turn of the event loop, so importing 5,000 items renders
 * once, not 5,000 times.
 */
public final class AppServices {
    private static AppServices instance;

    private final List<Runnable> listeners = new ArrayList<>();
    private BrowserVault vault;
    private VaultStore store;
    private String vaultFailure;
    private int revision;
    private final int[] revisionByType = new int[ItemType.values().length];
    private boolean updateScheduled;
    private String lastAnnounced;
    private double lastAnnouncedAt;
    private SyncClient sync;
    private RoomVaultBinding rooms;
    private boolean initialSync;
    private String passwordAskedFor;
    private boolean connectionWanted;
    /** How long after a join or create screen opened WebRTC is made ready: after that screen has painted. */
    private static final int PREPARE_AFTER_MILLIS = 100;

    private AppServices() {
    }

    /** The page's services; opening starts on first use. */
    public static AppServices get() {
        if (instance == null) {
            instance = new AppServices();
            instance.open();
        }
        return instance;
    }

    private void open() {
        // The last room's records are read while the vault opens (the client, created after it, takes them): the
        // vault still binds before the room connects, and a reload waits for the slower of the two reads, not both.
        BrowserSyncClient.prefetchLastRoom();
        BrowserVault.open(new StorageCallback<>() {
            @Override
            public void done(BrowserVault opened) {
                vault = opened;
                follow(opened.store());
            }

            @Override
            public void failed(String message) {
                vaultFailure = message;
                VaultStore.open(new MemoryVaultStorage(), () -> (long) now(), new CryptoRandomBytes(),
                        new StorageCallback<>() {
                            @Override
                            public void done(VaultStore memory) {
                                follow(memory);
                            }

                            @Override
                            public void failed(String never) {
                                startSync(); // an empty memory store cannot fail to load
                            }
                        });
            }
        });
    }

    private void follow(VaultStore opened) {
        store = opened;
        opened.addListener(new VaultListener() {
            @Override
            public void onChange(VaultChange change) {
                revision++;
                VaultItem item = change.after() != null ? change.after() : change.before();
                if (item != null) {
                    revisionByType[item.type().ordinal()]++;
                }
                if (change.origin() == VaultChange.Origin.PEER && change.after() != null) {
                    announcePeerEdit(change);
                }
                changed();
            }

            @Override
            public void onStorageError(String message) {
                Toasts.show("Not saved on this device: " + message);
            }
        });
        startSync();
    }

    private void startSync() {
        BrowserSyncClient.start(client -> {
            sync = client;
            client.onStatusChange(status -> changed());
            client.onSyncEvent(event -> {
                if (event instanceof SyncEvent.SyncStarted) {
                    initialSync = true;
                } else if (event instanceof SyncEvent.SyncCompleted || event instanceof SyncEvent.Disconnected) {
                    initialSync = false;
                }
                SyncAnnouncer.announce(event, client);
                changed();
            });
            if (store != null) {
                rooms = new RoomVaultBinding(store, client, () -> (long) now());
                rooms.addListener(this::changed);
            }
            client.resumeLastRoom();
            if (connectionWanted) {
                prepareToConnect();
            }
            changed();
        });
    }

    /**
     * A screen where the player creates or joins a room opened: WebRTC's first connection is made while the player
     * reads and types, not during the join (see {@link SyncClient#prepareToConnect}). A little later, so the screen
     * paints first: making it blocks the page for tens of milliseconds.
     */
    public void prepareToConnect() {
        if (sync == null) {
            connectionWanted = true;
            return;
        }
        connectionWanted = false;
        SyncClient client = sync;
        new BrowserScheduler().schedule(PREPARE_AFTER_MILLIS, client::prepareToConnect);
    }

    /** True once the vault is open (or known to have failed) and the sync client exists. */
    public boolean isReady() {
        return sync != null;
    }

    /** The vault, or null while it opens or when it could not be opened ({@link #vaultFailure}). */
    public BrowserVault vault() {
        return vault;
    }

    /** The player's items: the stored vault, or the in-memory one when storage failed; null while opening. */
    public VaultStore store() {
        return store;
    }

    /** Grows by one with every change of the vault, so screens recompute their lists only when it moved. */
    public int revision() {
        return revision;
    }

    /**
     * Grows by one with every change of an item of {@code type}: a force editor's pilot and unit choices need not
     * be rebuilt when only the force itself changed.
     */
    public int revision(ItemType type) {
        return revisionByType[type.ordinal()];
    }

    /** Why the vault could not be opened (shown to the player, with the vault then kept in memory), or null. */
    public String vaultFailure() {
        return vaultFailure;
    }

    /** The sync client, or null until the client configuration is known. */
    public SyncClient sync() {
        return sync;
    }

    /** The vault's binding to the current room, or null outside a room or without a vault. */
    public RoomVault roomVault() {
        return rooms == null ? null : rooms.current();
    }

    /** True between a room's {@code sync-started} and {@code sync-completed} (its first exchange with peers). */
    public boolean isInitialSyncRunning() {
        return initialSync && sync != null && sync.currentRoom() != null;
    }

    /** The room (bare code) whose password the app is asking for after a reload, or null. */
    public String passwordAskedFor() {
        return passwordAskedFor;
    }

    void passwordAsked(String roomCode) {
        passwordAskedFor = roomCode;
    }

    /** Called (after the screens are re-rendered) whenever vault, room, connection or peers change. */
    public Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells screen-reader users about a peer's edit, once per item per burst of typing rather than per key. */
    private void announcePeerEdit(VaultChange change) {
        double at = now();
        if (change.itemId().equals(lastAnnounced) && at - lastAnnouncedAt < 10_000) {
            return;
        }
        lastAnnounced = change.itemId();
        lastAnnouncedAt = at;
        String by = change.after().lastModifiedBy();
        Toasts.announce(change.after().name() + " was changed by " + (by == null ? "a peer" : by));
    }

    /** Re-renders the screens (and tells {@link #onChange} listeners) once, in the next turn of the event loop. */
    void changed() {
        if (updateScheduled) {
            return;
        }
        updateScheduled = true;
        later(() -> {
            updateScheduled = false;
            for (Runnable listener : new ArrayList<>(listeners)) {
                listener.run();
            }
            Templates.update();
        });
    }

    @JSFunctor
    interface Task extends JSObject {
        void run();
    }

    /** Runs {@code task} in a later turn of the event loop, after what the browser has waiting (input, rendering). */
    @JSBody(params = "task", script = "setTimeout(task, 0);")
    static native void later(Task task);

    /** Milliseconds since the epoch. */
    @JSBody(script = "return Date.now();")
    static native double now();
}
