package org.vaultsync.sync;

import java.util.List;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.IdRange;

/**
 * The deletions a peer holds because we sent them on its reliable, ordered channel (the {@link SyncDocument.PeerHoldings}
 * of a {@link YDocSyncDocument}): every delete set of an update sent there, and the whole delete set of the last
 * answer to its step 1. Ranges of sent updates are appended as they go and merged only when an answer needs them.
 */
final class SentDeletions implements SyncDocument.PeerHoldings {
    private final YDocSyncDocument owner;
    private DeleteSet held = new DeleteSet();
    private boolean unmerged;

    SentDeletions(YDocSyncDocument owner) {
        this.owner = owner;
    }

    boolean belongsTo(YDocSyncDocument document) {
        return owner == document;
    }

    @Override
    public void sent(byte[] update) {
        DeleteSet deletions = owner.deletionsOf(update);
        if (deletions == null) {
            return; // unreadable: counting it as not sent only makes the next answer larger
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

    /** The peer now holds {@code all}, a delete set sent to it that nothing else refers to. */
    void nowHolds(DeleteSet all) {
        held = all;
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
