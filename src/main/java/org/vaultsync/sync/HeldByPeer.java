package org.vaultsync.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.IdRange;
import org.vaultsync.crdt.id.StateVector;

/**
 * What one peer is known to hold beyond the state vector it sends (the {@link SyncDocument.PeerHoldings} of a
 * {@link YDocSyncDocument}). Deletions: those of every update we sent on its reliable, ordered channel and of the
 * last answer to its step 1 (they arrive, in order), and those of updates it sent us (it had them). Structs: per
 * client, a clock below which it has, or is being sent on the channel, every struct (what the last answer reached,
 * raised by each later update that continues from there), so an answer leaves out the updates still in flight.
 * Deleted ranges are appended as they come and merged only when an answer needs them.
 */
final class HeldByPeer implements SyncDocument.PeerHoldings {
    private final YDocSyncDocument owner;
    private DeleteSet deletions = new DeleteSet();
    private boolean unmerged;
    private final Map<Integer, Integer> structsBelow = new HashMap<>();

    HeldByPeer(YDocSyncDocument owner) {
        this.owner = owner;
    }

    boolean belongsTo(YDocSyncDocument document) {
        return owner == document;
    }

    @Override
    public void sent(byte[] update) {
        owner.readSent(update, this);
    }

    @Override
    public void received(byte[] update) {
        addDeletions(owner.deletionsOf(update)); // its structs are in the state vector it sends next
    }

    void addDeletions(DeleteSet sent) {
        if (sent == null) {
            return; // unreadable: counting it as not held only makes the next answer larger
        }
        for (int client : sent.clients()) {
            for (IdRange range : sent.ranges(client)) {
                deletions.add(client, range.clock, range.length);
                unmerged = true;
            }
        }
    }

    /** Structs {@code [from, to)} of {@code client} went out on the channel; they count if nothing lies between. */
    void addStructs(int client, int from, int to) {
        int below = structsBelow.getOrDefault(client, 0);
        if (from <= below && to > below) {
            structsBelow.put(client, to);
        }
    }

    /** {@code theirs} (a state vector the peer sent), raised to what it is being sent: what an answer starts from. */
    StateVector answerFrom(StateVector theirs) {
        for (Map.Entry<Integer, Integer> entry : structsBelow.entrySet()) {
            if (entry.getValue() > theirs.get(entry.getKey())) {
                theirs.set(entry.getKey(), entry.getValue());
            }
        }
        return theirs;
    }

    /** The part of {@code all} (sorted and merged, as a document's delete set is) the peer does not hold. */
    DeleteSet deletionsMissingFrom(DeleteSet all) {
        if (unmerged) {
            deletions.sortAndMerge();
            unmerged = false;
        }
        DeleteSet missing = new DeleteSet();
        for (int client : all.clients()) {
            subtract(client, all.ranges(client), deletions.ranges(client), missing);
        }
        return missing;
    }

    /**
     * An answer went out: the peer now holds our delete set {@code all} and every struct below {@code state} (it
     * keeps what it held beyond, which we may receive later).
     */
    void nowHolds(DeleteSet all, StateVector state) {
        deletions = DeleteSet.merge(List.of(deletions, all));
        unmerged = false;
        for (int client : state.clients()) {
            // not Map.merge(…, Math::max): its default method and the lambda class would be in the client for this alone
            Integer known = structsBelow.get(client);
            structsBelow.put(client, known == null ? state.get(client) : Math.max(known, state.get(client)));
        }
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
