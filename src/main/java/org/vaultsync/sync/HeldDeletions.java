package org.vaultsync.sync;

import java.util.List;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.IdRange;

/**
 * The deletions a peer is known to hold (the {@link SyncDocument.PeerHoldings} of a {@link YDocSyncDocument}): those
 * of every update we sent on its reliable, ordered channel and of the last answer to its step 1 (they arrive, in
 * order), and those of updates it sent us (it had them). Ranges are appended as they come and merged only when an
 * answer needs them.
 */
final class HeldDeletions implements SyncDocument.PeerHoldings {
    private final YDocSyncDocument owner;
    private DeleteSet held = new DeleteSet();
    private boolean unmerged;

    HeldDeletions(YDocSyncDocument owner) {
        this.owner = owner;
    }

    boolean belongsTo(YDocSyncDocument document) {
        return owner == document;
    }

    @Override
    public void sent(byte[] update) {
        add(owner.deletionsOf(update));
    }

    @Override
    public void received(byte[] update) {
        add(owner.deletionsOf(update));
    }

    private void add(DeleteSet deletions) {
        if (deletions == null) {
            return; // unreadable: counting it as not held only makes the next answer larger
        }
        for (int client : deletions.clients()) {
            for (IdRange range : deletions.ranges(client)) {
                held.add(client, range.clock, range.length);
                unmerged = true;
            }
        }
    }

    /** The part of {@code all} (sorted and merged, as a document's delete set is) the peer does not hold. */
    DeleteSet missingFrom(DeleteSet all) {
        if (unmerged) {
            held.sortAndMerge();
            unmerged = false;
        }
        DeleteSet missing = new DeleteSet();
        for (int client : all.clients()) {
            subtract(client, all.ranges(client), held.ranges(client), missing);
        }
        return missing;
    }

    /** The peer now holds {@code all} too (sent to it); it keeps what it held beyond, which we may receive later. */
    void nowHolds(DeleteSet all) {
        held = DeleteSet.merge(List.of(held, all));
        unmerged = false;
    }

    /** Adds to {@code out} the clocks of {@code ranges} that are not in {@code removed} (both sorted and merged). */
    private static void subtract(int client, List<IdRange> ranges, List<IdRange> removed, DeleteSet out) {
        int r = 0;
        for (IdRange range : ranges) {
            int clock = range.clock;
            int end = range.end();
            while (r < removed.size() && removed.get(r).end() <= clock) {
                r++;
            }
            int k = r;
            while (clock < end && k < removed.size() && removed.get(k).clock < end) {
                IdRange cut = removed.get(k);
                if (cut.clock > clock) {
                    out.add(client, clock, cut.clock - clock);
                }
                clock = Math.max(clock, cut.end());
                k++;
            }
            if (clock < end) {
                out.add(client, clock, end - clock);
            }
        }
    }
}
