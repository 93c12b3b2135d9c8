package org.vaultsync.sync.persistence;

import org.vaultsync.common.StorageCallback;
import java.util.ArrayList;
import java.util.List;
import org.vaultsync.common.Cancellable;
import org.vaultsync.common.Scheduler;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Subscription;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.UpdateListener;
import org.vaultsync.crdt.update.InvalidUpdateException;
import org.vaultsync.crdt.update.UpdateApplier;

/**
 * Keeps a room's document on disk: loads what is stored before anything connects, appends every local and remote
 * update, and compacts the store into one full state well before it grows (y-indexeddb waits for 500 updates, and
 * stores grew to gigabytes). Storage failures are reported, never fatal: a corrupt stored update is skipped and the
 * rest loads; a failed write is made good by the next full-state write, retried with backoff, so no later change is
 * silently lost.
 */
public final class RoomPersistence {
    /** Compact once this many updates are stored besides the last full state. */
    public static final int COMPACT_AFTER_UPDATES = 100;
    /** ... or once the updates since the last full state outweigh it (and at least this many bytes). */
    public static final int COMPACT_AFTER_BYTES = 64 * 1024;
    /**
     * Compaction waits for this long without a new update, so a burst is written as one state: a room that arrives
     * in hundreds of sync messages over seconds (a newcomer's initial sync) is encoded and written once, at the end,
     * not once per second on the way (each time the whole document so far, in one main-thread task).
     */
    public static final long COMPACT_DELAY_MILLIS = 1_000;
    /** ... but no longer than this after it became due, so a room edited without pause still compacts. */
    public static final long COMPACT_MAX_WAIT_MILLIS = 10_000;
    static final long MAX_RETRY_DELAY_MILLIS = 30_000;

    /** What the user should hear about storage. */
    public interface Listener {
        /** The stored document is applied; {@code skipped} damaged updates could not be read. */
        void onLoaded(int applied, int skipped);

        void onStorageError(String message);
    }

    private final Doc doc;
    private final RoomStore store;
    private final Scheduler scheduler;
    private final Listener listener;
    private final List<Integer> knownKeys = new ArrayList<>();
    private Subscription subscription;
    private Cancellable compactTimer;
    /** When the pending quiet-moment compaction became due; -1 when none is pending (or the timer is a retry). */
    private long compactDueSince = -1;
    private boolean compacting;
    private boolean closed;
    private boolean writeFailed;
    /** The document holds changes no stored update has (made before the store was open). */
    private boolean fullStateDue;
    private long retryDelay = COMPACT_DELAY_MILLIS;
    private int bytesSinceState;
    private int lastStateBytes;
    /**
     * The key of the last full state among {@code knownKeys}, 0 if none is known. A reload takes its size as the
     * state's, not as changes since: counted as changes, every reload of a large room rewrote it a second later.
     */
    private int stateKey;
    private int appendsInFlight;

    public RoomPersistence(Doc doc, RoomStore store, Scheduler scheduler, Listener listener) {
        this.doc = doc;
        this.store = store;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /** Applies the stored document, then stores every change; {@code loaded} runs once, even if reading failed. */
    public void load(Runnable loaded) {
        // edits made before the store was open (the document is handed out at join) are in no stored update:
        // they go to disk with a full state right after loading
        boolean editedBeforeOpen = doc.encodeStateVector().length > 1;
        subscription = doc.onUpdate(new UpdateListener() {
            @Override
            public void onUpdate(byte[] update, Object origin, Transaction transaction) {
                append(update);
            }

            /** What this store loads is stored already: its own load is not encoded again for it. */
            @Override
            public boolean wantsUpdate(Object origin) {
                return origin != RoomPersistence.this;
            }
        });
        store.load(new StorageCallback<>() {
            @Override
            public void done(StoredUpdates stored) {
                if (closed) {
                    return;
                }
                int skipped = applyAll(stored);
                fullStateDue = editedBeforeOpen;
                listener.onLoaded(stored.size() - skipped, skipped);
                if (skipped > 0) {
                    listener.onStorageError(skipped == 1
                            ? "One stored change of this room is damaged and was skipped; everything else loaded."
                            : skipped + " stored changes of this room are damaged and were skipped; everything else loaded.");
                }
                compactIfDue();
                loaded.run();
            }

            @Override
            public void failed(String message) {
                if (closed) {
                    return;
                }
                listener.onStorageError("Could not read this room's saved data: " + message);
                writeFailed = true; // what we have now must reach disk as a whole state
                loaded.run();
                scheduleCompaction(retryDelay);
            }
        });
    }

    /**
     * Applies the stored updates in one transaction, as y-indexeddb does: one cleanup, one round of observers and
     * one update for listeners instead of one per stored update (a store holds up to 100 besides its full state, a
     * y-indexeddb store up to 500). Each is decoded first, so a damaged one is skipped (kept on disk untouched:
     * never delete what we cannot read) before anything changes. Returns how many were skipped.
     */
    private int applyAll(StoredUpdates stored) {
        List<UpdateApplier.DecodedForApply> readable = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            byte[] update = stored.updates().get(i);
            try {
                readable.add(UpdateApplier.decode(update));
                int key = stored.keys().get(i);
                knownKeys.add(key);
                if (key == stored.stateKey()) {
                    stateKey = key;
                    lastStateBytes = update.length;
                } else {
                    bytesSinceState += update.length;
                }
            } catch (InvalidUpdateException e) {
                // skipped
            }
        }
        if (readable.size() == 1) {
            doc.applyUpdate(readable.get(0), this);
        } else if (!readable.isEmpty()) {
            doc.transact(transaction -> {
                for (UpdateApplier.DecodedForApply update : readable) {
                    doc.applyUpdate(update, this); // joins this transaction
                }
            }, this);
        }
        return stored.size() - readable.size();
    }

    /** Updates stored besides the last full state (for tests and measurements). */
    public int storedUpdateCount() {
        return knownKeys.size() - (stateKey != 0 ? 1 : 0);
    }

    public boolean isIdle() {
        return appendsInFlight == 0 && !compacting && compactTimer == null;
    }

    public void close() {
        closed = true;
        if (subscription != null) {
            subscription.unsubscribe();
        }
        if (compactTimer != null) {
            compactTimer.cancel();
            compactTimer = null;
        }
        store.close();
    }

    private void append(byte[] update) {
        appendsInFlight++;
        bytesSinceState += update.length;
        store.append(update, new StorageCallback<>() {
            @Override
            public void done(Integer key) {
                appendsInFlight--;
                knownKeys.add(key);
                compactIfDue();
            }

            @Override
            public void failed(String message) {
                appendsInFlight--;
                writeFailed(message);
            }
        });
    }

    private void writeFailed(String message) {
        if (!writeFailed) {
            listener.onStorageError("Changes could not be saved on this device (" + message
                    + "). They are kept in this tab and saving is retried.");
        }
        writeFailed = true;
        if (!closed) {
            scheduleCompaction(retryDelay);
            retryDelay = Math.min(MAX_RETRY_DELAY_MILLIS, retryDelay * 2);
        }
    }

    private void compactIfDue() {
        // changes that are on no disk yet (a failed write, edits made before the store opened) are not put off
        boolean urgent = writeFailed || fullStateDue;
        boolean due = urgent || knownKeys.size() > COMPACT_AFTER_UPDATES
                || (knownKeys.size() > 1 && bytesSinceState > Math.max(COMPACT_AFTER_BYTES, lastStateBytes));
        if (!due || compacting || closed || (compactTimer != null && (urgent || compactDueSince < 0))) {
            return; // nothing to do, or a compaction is pending that is not to be put off
        }
        long now = scheduler.now();
        if (compactTimer == null) {
            compactDueSince = now;
        } else {
            compactTimer.cancel(); // another update: the quiet moment starts again, within the maximum wait
        }
        long delay = Math.min(COMPACT_DELAY_MILLIS, compactDueSince + COMPACT_MAX_WAIT_MILLIS - now);
        compactTimer = scheduler.schedule(Math.max(0, delay), this::runCompaction);
    }

    /** A retry after a failed read or write, unless a compaction is pending or running (it writes the state). */
    private void scheduleCompaction(long delay) {
        if (compactTimer != null || compacting || closed) {
            return;
        }
        compactDueSince = -1;
        compactTimer = scheduler.schedule(delay, this::runCompaction);
    }

    private void runCompaction() {
        compactTimer = null;
        compactDueSince = -1;
        compact();
    }

    private void compact() {
        if (closed) {
            return;
        }
        compacting = true;
        List<Integer> replaced = new ArrayList<>(knownKeys);
        byte[] state = doc.encodeStateAsUpdate();
        // Handing the state to storage (which copies it) costs about as much as encoding it (a CPU profile of a
        // 5,000-item room's newcomer): in a task of its own, neither holds the page for both.
        scheduler.schedule(0, () -> write(state, replaced));
    }

    private void write(byte[] state, List<Integer> replaced) {
        if (closed) {
            compacting = false;
            return;
        }
        store.replace(state, replaced, new StorageCallback<>() {
            @Override
            public void done(Integer key) {
                compacting = false;
                knownKeys.removeAll(replaced);
                knownKeys.add(0, key);
                stateKey = key;
                lastStateBytes = state.length;
                bytesSinceState = 0;
                writeFailed = false;
                fullStateDue = false;
                retryDelay = COMPACT_DELAY_MILLIS;
                compactIfDue();
            }

            @Override
            public void failed(String message) {
                compacting = false;
                writeFailed(message);
            }
        });
    }
}
