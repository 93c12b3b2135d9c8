package org.vaultsync.ui;

import java.util.ArrayList;
import java.util.List;
import org.teavm.flavour.templates.Templates;
import org.teavm.jso.JSBody;
import org.vaultsync.browser.BrowserSyncClient;
import org.vaultsync.browser.BrowserVault;
import org.vaultsync.common.StorageCallback;
import org.vaultsync.sync.SyncClient;
import org.vaultsync.sync.SyncEvent;
import org.vaultsync.vault.RoomVault;
import org.vaultsync.vault.RoomVaultBinding;

/**
 * What every screen works with, opened once per page: the player's vault (IndexedDB, tabs in step), the sync client
 * (rooms over WebRTC, configured by the server's {@code /client-config.json}) and the binding of the two. Both open
 * asynchronously; screens render their loading state until {@link #isReady} and re-render on {@link #onChange}.
 * The vault opens first so that a resumed room publishes the player's shared items in its first sync.
 */
public final class AppServices {
    private static AppServices instance;

    private final List<Runnable> listeners = new ArrayList<>();
    private BrowserVault vault;
    private String vaultFailure;
    private SyncClient sync;
    private RoomVaultBinding rooms;
    private boolean initialSync;
    private String passwordAskedFor;

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
        BrowserVault.open(new StorageCallback<>() {
            @Override
            public void done(BrowserVault opened) {
                vault = opened;
                opened.store().addListener(change -> changed());
                startSync();
            }

            @Override
            public void failed(String message) {
                vaultFailure = message;
                startSync();
            }
        });
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
                SyncAnnouncer.announce(event);
                changed();
            });
            if (vault != null) {
                rooms = new RoomVaultBinding(vault.store(), client, () -> (long) now());
                rooms.addListener(this::changed);
            }
            client.resumeLastRoom();
            changed();
        });
    }

    /** True once the vault is open (or known to have failed) and the sync client exists. */
    public boolean isReady() {
        return sync != null;
    }

    /** The vault, or null while it opens or when it could not be opened ({@link #vaultFailure}). */
    public BrowserVault vault() {
        return vault;
    }

    /** Why the vault could not be opened (shown to the player), or null. */
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

    private void changed() {
        for (Runnable listener : new ArrayList<>(listeners)) {
            listener.run();
        }
        Templates.update();
    }

    @JSBody(script = "return Date.now();")
    private static native double now();
}
