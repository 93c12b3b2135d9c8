package org.vaultsync.crdt.update;

import java.util.ArrayList;
import java.util.List;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.crdt.structs.SkipStruct;
import org.vaultsync.crdt.structs.Struct;

/**
 * Yjs's update utilities on encoded updates, without a document: {@link #merge} (mergeUpdates) and {@link #diff}
 * (diffUpdate). Documents use them for pending data; the results are byte-identical to Yjs's.
 */
public final class UpdateMerger {
    private UpdateMerger() {
    }

    /** Reads the structs of an update one after another, across client blocks, optionally dropping Skips. */
    private static final class StructCursor {
        private final List<Struct> structs = new ArrayList<>();
        private int index;
        Struct current;

        StructCursor(DecodedUpdate update, boolean dropSkips) {
            for (DecodedUpdate.ClientBlock block : update.blocks()) {
                for (Struct struct : block.structs()) {
                    if (!dropSkips || !(struct instanceof SkipStruct)) {
                        structs.add(struct);
                    }
                }
            }
            current = structs.isEmpty() ? null : structs.get(0);
        }

        Struct next() {
            index++;
            current = index < structs.size() ? structs.get(index) : null;
            return current;
        }
    }

    public static byte[] merge(List<byte[]> updates) throws DecodingException {
        if (updates.size() == 1) {
            return updates.get(0);
        }
        List<DecodedUpdate> decoded = new ArrayList<>();
        ArrayList<StructCursor> cursors = new ArrayList<>(); // ArrayList.sort, not List's (see DeleteSet)
        for (byte[] update : updates) {
            DecodedUpdate d = UpdateDecoder.decode(update);
            decoded.add(d);
            cursors.add(new StructCursor(d, true));
        }
        StructBlockWriter out = new StructBlockWriter();
        Struct write = null;
        int writeOffset = 0;
        while (true) {
            cursors.removeIf(c -> c.current == null);
            cursors.sort(UpdateMerger::compareCursors);
            if (cursors.isEmpty()) {
                break;
            }
            StructCursor cursor = cursors.get(0);
            int firstClient = cursor.current.client;
            if (write != null) {
                Struct curr = cursor.current;
                boolean iterated = false;
                while (curr != null && curr.clock + curr.length <= write.clock + write.length
                        && Integer.compareUnsigned(curr.client, write.client) >= 0) {
                    curr = cursor.next();
                    iterated = true;
                }
                if (curr == null || curr.client != firstClient
                        || (iterated && curr.clock > write.clock + write.length)) {
                    continue;
                }
                if (firstClient != write.client) {
                    out.write(write, writeOffset);
                    write = curr;
                    writeOffset = 0;
                    cursor.next();
                } else if (write.clock + write.length < curr.clock) {
                    if (write instanceof SkipStruct) {
                        write.length = curr.clock + curr.length - write.clock;
                    } else {
                        out.write(write, writeOffset);
                        int gap = curr.clock - write.clock - write.length;
                        write = new SkipStruct(firstClient, write.clock + write.length, gap);
                        writeOffset = 0;
                    }
                } else {
                    int overlap = write.clock + write.length - curr.clock;
                    if (overlap > 0) {
                        if (write instanceof SkipStruct) {
                            write.length -= overlap;
                        } else {
                            curr = curr.sliceFrom(overlap);
                        }
                    }
                    if (!write.mergeWith(curr)) {
                        out.write(write, writeOffset);
                        write = curr;
                        writeOffset = 0;
                        cursor.next();
                    }
                }
            } else {
                write = cursor.current;
                writeOffset = 0;
                cursor.next();
            }
            for (Struct next = cursor.current; next != null && next.client == firstClient
                    && next.clock == write.clock + write.length && !(next instanceof SkipStruct); next = cursor.next()) {
                out.write(write, writeOffset);
                write = next;
                writeOffset = 0;
            }
        }
        if (write != null) {
            out.write(write, writeOffset);
        }
        Lib0Writer writer = new Lib0Writer();
        out.finish(writer);
        List<DeleteSet> deleteSets = new ArrayList<>();
        for (DecodedUpdate d : decoded) {
            deleteSets.add(d.deleteSet());
        }
        DeleteSet.merge(deleteSets).write(writer);
        return writer.toByteArray();
    }

    /** Highest client first, then lowest clock, then Skips last. */
    private static int compareCursors(StructCursor a, StructCursor b) {
        Struct x = a.current;
        Struct y = b.current;
        if (x.client == y.client) {
            int clockDiff = Integer.compare(x.clock, y.clock);
            if (clockDiff == 0) {
                boolean xSkip = x instanceof SkipStruct;
                return xSkip == (y instanceof SkipStruct) ? 0 : xSkip ? 1 : -1;
            }
            return clockDiff;
        }
        return Integer.compareUnsigned(y.client, x.client);
    }

    /** The part of {@code update} not covered by {@code state}; the delete set is kept whole. */
    public static byte[] diff(byte[] update, StateVector state) throws DecodingException {
        DecodedUpdate decoded = UpdateDecoder.decode(update);
        StructCursor reader = new StructCursor(decoded, false);
        StructBlockWriter out = new StructBlockWriter();
        while (reader.current != null) {
            Struct curr = reader.current;
            int client = curr.client;
            int svClock = state == null ? 0 : state.get(client);
            if (curr instanceof SkipStruct) {
                reader.next();
                continue;
            }
            if (curr.clock + curr.length > svClock) {
                out.write(curr, Math.max(svClock - curr.clock, 0));
                reader.next();
                while (reader.current != null && reader.current.client == client) {
                    out.write(reader.current, 0);
                    reader.next();
                }
            } else {
                while (reader.current != null && reader.current.client == client
                        && reader.current.clock + reader.current.length <= svClock) {
                    reader.next();
                }
            }
        }
        Lib0Writer writer = new Lib0Writer();
        out.finish(writer);
        decoded.deleteSet().write(writer);
        return writer.toByteArray();
    }
}
