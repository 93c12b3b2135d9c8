package org.vaultsync.crdt.id;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;

/**
 * Deleted clock ranges per client. Ranges are appended as they happen; {@link #sortAndMerge} brings each client's
 * ranges into ascending, non-overlapping form, which lookups and Yjs-identical encodings require.
 */
public final class DeleteSet {
    /** The clients in the order of their first range, their ranges at the same positions (as StructStore). */
    private final ClientIndex clients = new ClientIndex();
    /** Made at the first range: most delete sets read from updates are empty (an allocation per update saved). */
    private List<ArrayList<IdRange>> lists;

    public void add(int client, int clock, int length) {
        rangesFor(client).add(new IdRange(clock, length));
    }

    private ArrayList<IdRange> rangesFor(int client) {
        int position = clients.indexOf(client);
        if (position < 0) {
            position = clients.add(client);
            if (lists == null) {
                lists = new ArrayList<>();
            }
            lists.add(new ArrayList<>());
        }
        return lists.get(position);
    }

    public boolean isEmpty() {
        return clients.size() == 0;
    }

    /** The clients (a copy), in the order of their first range. */
    public Set<Integer> clients() {
        return clients.toSet();
    }

    public int clientCount() {
        return clients.size();
    }

    public int clientAt(int position) {
        return clients.clientAt(position);
    }

    public List<IdRange> rangesAt(int position) {
        return lists.get(position);
    }

    public List<IdRange> ranges(int client) {
        int position = clients.indexOf(client);
        return position < 0 ? Collections.emptyList() : lists.get(position);
    }

    public void sortAndMerge() {
        // ArrayList, not List: sorting through List.sort would bring its default method into the engine, which
        // copies the list out by toArray(T[]) and so needs reflection (Array.newInstance)
        for (int position = 0; position < clients.size(); position++) {
            ArrayList<IdRange> ranges = lists.get(position);
            if (ranges.size() < 2) {
                continue;
            }
            if (!ascending(ranges)) { // usually they are (deleted in clock order, or read so): no sort to pay
                ranges.sort((a, b) -> Integer.compare(a.clock, b.clock));
            }
            int kept = 1;
            for (int i = 1; i < ranges.size(); i++) {
                IdRange left = ranges.get(kept - 1);
                IdRange right = ranges.get(i);
                if (left.clock + left.length >= right.clock) {
                    left.length = Math.max(left.length, right.clock + right.length - left.clock);
                } else {
                    ranges.set(kept++, right);
                }
            }
            while (ranges.size() > kept) {
                ranges.remove(ranges.size() - 1);
            }
        }
    }

    private static boolean ascending(List<IdRange> ranges) {
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i - 1).clock > ranges.get(i).clock) {
                return false;
            }
        }
        return true;
    }

    /** Whether the unit {@code (client, clock)} is deleted. Requires {@link #sortAndMerge} to have run. */
    public boolean contains(int client, int clock) {
        int position = clients.indexOf(client);
        if (position < 0) {
            return false;
        }
        List<IdRange> ranges = lists.get(position);
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            IdRange range = ranges.get(mid);
            if (clock < range.clock) {
                high = mid - 1;
            } else if (clock >= range.clock + range.length) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** The union of several delete sets, sorted and merged (Yjs's {@code mergeDeleteSets}). */
    public static DeleteSet merge(List<DeleteSet> sets) {
        DeleteSet merged = new DeleteSet();
        for (DeleteSet set : sets) {
            for (int c = 0; c < set.clients.size(); c++) {
                List<IdRange> target = merged.rangesFor(set.clients.clientAt(c));
                for (IdRange range : set.lists.get(c)) {
                    target.add(new IdRange(range.clock, range.length));
                }
            }
        }
        merged.sortAndMerge();
        return merged;
    }

    /** Writes clients in descending order, each client's ranges as they are held. */
    public void write(Lib0Writer writer) {
        writer.writeVarUint(clients.size());
        for (int client : clients.descending()) {
            List<IdRange> ranges = ranges(client);
            writer.writeVarUint(client);
            writer.writeVarUint(ranges.size());
            for (IdRange range : ranges) {
                writer.writeVarUint(range.clock);
                writer.writeVarUint(range.length);
            }
        }
    }

    /**
     * Reads a delete set as Yjs does: a client listed twice gets both lists of ranges, a client with no ranges is
     * dropped, ranges stay in wire order. A range reaching past clock 2^31 - 1 is rejected.
     */
    public static DeleteSet read(Lib0Reader reader) throws DecodingException {
        DeleteSet ds = new DeleteSet();
        int clientCount = reader.readCount(2);
        for (int i = 0; i < clientCount; i++) {
            int client = reader.readVarUint32();
            int rangeCount = reader.readCount(2);
            if (rangeCount == 0) {
                continue;
            }
            ArrayList<IdRange> ranges = ds.rangesFor(client);
            ranges.ensureCapacity(ranges.size() + rangeCount); // one allocation, not a copy per growth
            for (int r = 0; r < rangeCount; r++) {
                int clock = reader.readVarUintAsInt();
                int length = reader.readVarUintAsInt();
                if (length > Integer.MAX_VALUE - clock) {
                    throw new DecodingException("Deleted range " + clock + "+" + length + " of client "
                            + Integer.toUnsignedString(client) + " goes beyond clock 2^31 - 1");
                }
                ranges.add(new IdRange(clock, length));
            }
        }
        return ds;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < clients.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(clients.clientAt(i)).append('=').append(lists.get(i));
        }
        return text.append('}').toString();
    }
}
