package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.vaultsync.common.Cancellable;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.SyncClient;
import org.vaultsync.sync.YDocSyncDocument;

/**
 * Keeps the vault bound to whichever room the {@link SyncClient} is in: a {@link RoomVault} is attached as soon as a
 * room's stored document is applied (before it connects, so shared items go out in the first sync) and detached
 * when the player leaves or switches, which leaves the vault exactly as it was. The screens read the current
 * {@link RoomVault} from here and hear through {@link #addListener} when it or anything it shows changes.
 */
public final class RoomVaultBinding {
    private final VaultStore store;
    private final SyncClient client;
    private final LongSupplier clock;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Runnable unsubscribe;
    private RoomVault current;
    private Cancellable currentSubscription;

    public RoomVaultBinding(VaultStore store, SyncClient client, LongSupplier clock) {
        this.store = store;
        this.client = client;
        this.clock = clock;
        this.unsubscribe = client.onRoomChange(new SyncClient.RoomListener() {
            @Override
            public void roomReady(RoomCode code, YDocSyncDocument document) {
                bind(document);
            }

            @Override
            public void roomClosed(RoomCode code) {
                unbind();
            }
        });
    }

    /** The vault's binding to the current room, or null outside a room (or while its document loads). */
    public RoomVault current() {
        return current;
    }

    /** Called when the room vault is bound, unbound, or anything it shows changes. */
    public Cancellable addListener(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Stops following rooms (the page is going away); the current room vault is detached. */
    public void close() {
        unsubscribe.run();
        unbind();
    }

    private void bind(YDocSyncDocument document) {
        unbind();
        RoomVault roomVault = new RoomVault(store, document, client.identity()::identity,
                client.session()::presentName, clock);
        current = roomVault;
        currentSubscription = roomVault.addListener(this::changed);
        roomVault.attach(client.session().events());
        changed();
    }

    private void unbind() {
        if (current == null) {
            return;
        }
        currentSubscription.cancel();
        current.detach();
        current = null;
        currentSubscription = null;
        changed();
    }

    private void changed() {
        for (Runnable listener : new ArrayList<>(listeners)) {
            listener.run();
        }
    }
}
