package org.vaultsync.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Utf8;
import org.vaultsync.sync.mesh.BroadcastPort;
import org.vaultsync.sync.mesh.BroadcastTransport;
import org.vaultsync.vault.InvalidRecordException;
import org.vaultsync.common.StorageCallback;
import org.vaultsync.vault.VaultStorage;
import org.vaultsync.vault.VaultStore;

/**
 * The player's vault in this tab: a {@link VaultStore} over {@link IndexedDbVaultStorage}, kept in step with the
 * other tabs of this browser profile through a {@code BroadcastChannel} named {@value #CHANNEL}.
 *
 * <p>When one of this tab's writes has landed (its transaction completed), the item's id is posted. A tab that
 * receives an id re-reads that record from IndexedDB and applies it ({@code applyStoredRecord}, or
 * {@code applyStoredRemoval} when it is gone). Only the id travels, not the record: the database is the one truth.
 * When two tabs write the same item at nearly the same time, each receives the other's notice after its own write,
 * and a record sent in the message could be older than what the database ended up with; re-reading gives both tabs
 * the value that was committed last, because a read runs after every write issued before it.
 */
public final class BrowserVault {
    public static final String CHANNEL = "vault-sync-vault";

    private final IndexedDbVaultStorage database;
    private final List<String> problems = new ArrayList<>();
    private VaultStore store;
    private BroadcastPort tabs;
    private int unsavedWrites;
    /** Ids other tabs announced before the store was loaded; re-read once it is. */
    private List<String> early = new ArrayList<>();

    private BrowserVault(IndexedDbVaultStorage database) {
        this.database = database;
    }

    /** Opens the vault database and loads the vault; fails (with a message) only when IndexedDB cannot be used. */
    public static void open(StorageCallback<BrowserVault> callback) {
        open(IndexedDbVaultStorage.DATABASE, CHANNEL, BroadcastChannelTransport.ifSupported(), callback);
    }

    /**
     * As {@link #open(StorageCallback)} with a database and channel of other names (tests keep theirs apart) and
     * the tab transport ({@code null}: no tab sync, as in a browser without BroadcastChannel).
     */
    public static void open(String databaseName, String channelName, BroadcastTransport tabTransport,
                            StorageCallback<BrowserVault> callback) {
        IndexedDbVaultStorage.open(databaseName, new StorageCallback<>() {
            @Override
            public void done(IndexedDbVaultStorage database) {
                BrowserVault vault = new BrowserVault(database);
                // Listen before loading, so a change another tab makes during the load is not missed.
                if (tabTransport != null) {
                    vault.tabs = tabTransport.open(channelName, vault::onTabMessage);
                }
                VaultStore.open(vault.new AnnouncingStorage(), new BrowserScheduler()::now, new CryptoRandomBytes(),
                        new StorageCallback<>() {
                            @Override
                            public void done(VaultStore store) {
                                vault.store = store;
                                List<String> pending = vault.early;
                                vault.early = null;
                                for (String id : pending) {
                                    vault.reread(id);
                                }
                                callback.done(vault);
                            }

                            @Override
                            public void failed(String message) {
                                vault.close();
                                callback.failed(message);
                            }
                        });
            }

            @Override
            public void failed(String message) {
                callback.failed("The vault could not be opened: " + message);
            }
        });
    }

    public VaultStore store() {
        return store;
    }

    /** Records another tab announced that could not be read (a newer or damaged record); the item stays as it was. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Writes issued but not yet landed (or failed). Zero means everything the player did is on disk: a page may
     * warn before unloading otherwise (tests wait for it before a reload).
     */
    public int unsavedWrites() {
        return unsavedWrites;
    }

    /** Stops listening to other tabs and closes the database. */
    public void close() {
        if (tabs != null) {
            tabs.close();
            tabs = null;
        }
        database.close();
    }

    private void onTabMessage(byte[] message) {
        String id;
        try {
            id = Utf8.decode(message);
        } catch (DecodingException e) {
            return; // not one of our messages
        }
        if (early != null) {
            early.add(id);
        } else {
            reread(id);
        }
    }

    private void reread(String id) {
        database.get(id, new StorageCallback<>() {
            @Override
            public void done(String record) {
                apply(id, record);
            }

            @Override
            public void failed(String message) {
                problems.add("Another tab's change of item " + id + " could not be read: " + message);
            }
        });
    }

    private void apply(String id, String record) {
        if (record == null) {
            store.applyStoredRemoval(id);
            return;
        }
        if (record.equals(store.record(id))) {
            return; // already what this tab holds (e.g. our own write, re-announced by nobody else): no event
        }
        try {
            store.applyStoredRecord(record);
        } catch (InvalidRecordException e) {
            problems.add("Another tab's change of item " + id + " could not be read: " + e.getMessage());
        }
    }

    private void announce(String id) {
        if (tabs != null) {
            tabs.post(Utf8.encode(id));
        }
    }

    /** The database, telling the other tabs about each write once it has landed. */
    private final class AnnouncingStorage implements VaultStorage {
        @Override
        public void loadAll(StorageCallback<Map<String, String>> done) {
            database.loadAll(done);
        }

        @Override
        public void put(String id, String record, StorageCallback<Void> done) {
            database.put(id, record, announcingThen(id, done));
        }

        @Override
        public void delete(String id, StorageCallback<Void> done) {
            database.delete(id, announcingThen(id, done));
        }

        private StorageCallback<Void> announcingThen(String id, StorageCallback<Void> done) {
            unsavedWrites++;
            return new StorageCallback<>() {
                @Override
                public void done(Void result) {
                    unsavedWrites--;
                    announce(id);
                    done.done(result);
                }

                @Override
                public void failed(String message) {
                    unsavedWrites--;
                    done.failed(message);
                }
            };
        }
    }
}
