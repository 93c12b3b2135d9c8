package org.vaultsync.crdt.update;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.Id;
import org.vaultsync.crdt.id.IdRange;
import org.vaultsync.crdt.structs.Content;
import org.vaultsync.crdt.structs.ContentString;
import org.vaultsync.crdt.structs.GcStruct;
import org.vaultsync.crdt.structs.Item;
import org.vaultsync.crdt.structs.SkipStruct;
import org.vaultsync.crdt.structs.Struct;

/**
 * Cuts a Yjs v1 update into several valid updates of at most a given size that, applied in order, have the same
 * effect (y-webrtc sends one message whatever its size, and a message over the SCTP limit is lost for good).
 * Structs are grouped up to the limit; a struct larger than the limit is cut into consecutive pieces the way Yjs
 * splits items (each piece's origin is the previous piece's last id), never inside a UTF-16 surrogate pair; the
 * delete set follows in updates of its own. One indivisible unit larger than the limit (e.g. one big map value)
 * cannot be cut and travels alone.
 */
public final class UpdateChunker {
    /** Room for the update header, block headers and the empty delete set of each part. */
    private static final int OVERHEAD = 48;
    /** The sizing writer keeps a buffer up to this size between structs (larger ones are rare: a big value). */
    private static final int SIZING_KEEP_BYTES = 1 << 16;

    private UpdateChunker() {
    }

    public static List<byte[]> split(byte[] update, int maxBytes) throws DecodingException {
        if (update.length <= maxBytes) {
            return Collections.singletonList(update);
        }
        int budget = Math.max(64, maxBytes - OVERHEAD);
        DecodedUpdate decoded = UpdateDecoder.decode(update);
        Lib0Writer sizing = new Lib0Writer();
        List<byte[]> parts = new ArrayList<>();
        PartWriter part = new PartWriter();
        for (DecodedUpdate.ClientBlock block : decoded.blocks()) {
            for (Struct struct : block.structs()) {
                if (struct instanceof SkipStruct) {
                    continue;
                }
                int size = sizeOf(struct, sizing);
                if (size <= budget) {
                    if (part.size + size > budget) {
                        parts.add(part.finish());
                        part = new PartWriter();
                    }
                    part.add(struct, size);
                    continue;
                }
                if (!part.isEmpty()) {
                    parts.add(part.finish());
                    part = new PartWriter();
                }
                for (Struct piece : cut(struct, budget, sizing)) {
                    PartWriter alone = new PartWriter();
                    alone.add(piece, 0);
                    parts.add(alone.finish());
                }
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.finish());
        }
        parts.addAll(deleteSetParts(decoded.deleteSet(), budget));
        if (parts.isEmpty()) {
            parts.add(update);
        }
        return parts;
    }

    /** Consecutive pieces of one struct, each within {@code budget} bytes where the content allows it. */
    private static List<Struct> cut(Struct struct, int budget, Lib0Writer sizing) {
        List<Struct> pieces = new ArrayList<>();
        int start = 0;
        while (start < struct.length) {
            int remaining = struct.length - start;
            Struct rest = window(struct, start, struct.length);
            int restSize = sizeOf(rest, sizing);
            if (restSize <= budget || rest == null) {
                pieces.add(rest == null ? struct : rest);
                break;
            }
            int units = Math.max(1, (int) ((long) remaining * budget / restSize));
            Struct piece = window(struct, start, start + units);
            while (piece != null && units > 1 && sizeOf(piece, sizing) > budget) {
                units = Math.max(1, units * 3 / 4);
                piece = window(struct, start, start + units);
            }
            int end = safeEnd(struct, start, start + units);
            piece = window(struct, start, end);
            if (piece == null) {
                pieces.add(start == 0 ? struct : window(struct, start, struct.length));
                break;
            }
            pieces.add(piece);
            start = end;
        }
        return pieces;
    }

    /** Moves a cut back by one if it would separate a surrogate pair (Yjs would replace both halves by U+FFFD). */
    private static int safeEnd(Struct struct, int start, int end) {
        if (end < struct.length && end - start > 1 && struct instanceof Item item
                && item.content instanceof ContentString text && Character.isHighSurrogate(text.text().charAt(end - 1))) {
            return end - 1;
        }
        return end;
    }

    /** The clocks [start, end) of a struct as a struct of its own, or null if its content cannot be split. */
    private static Struct window(Struct struct, int start, int end) {
        if (start == 0 && end == struct.length) {
            return struct;
        }
        if (struct instanceof GcStruct) {
            return new GcStruct(struct.client, struct.clock + start, end - start);
        }
        Item item = (Item) struct;
        try {
            Content content = item.content.copy();
            if (start > 0) {
                content = content.splice(start);
            }
            if (end - start < content.length()) {
                content.splice(end - start);
            }
            Id origin = start > 0 ? new Id(item.client, item.clock + start - 1) : item.origin;
            Item piece = new Item(item.client, item.clock + start, origin, item.rightOrigin, content);
            piece.parent = item.parent;
            piece.parentName = item.parentName;
            piece.parentId = item.parentId;
            piece.parentSub = item.parentSub;
            return piece;
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * The encoded size of {@code struct}, written into {@code sizing}, one writer for the whole split: a new writer
     * per struct allocated a typed array of three times each string's length (room for its UTF-8), and cutting a
     * room of 5,000 items of 1 KB spent more time allocating than encoding.
     */
    private static int sizeOf(Struct struct, Lib0Writer sizing) {
        if (struct == null) {
            return Integer.MAX_VALUE;
        }
        sizing.reset(SIZING_KEEP_BYTES);
        struct.write(sizing, 0);
        return sizing.length();
    }

    private static List<byte[]> deleteSetParts(DeleteSet deleteSet, int budget) {
        List<byte[]> parts = new ArrayList<>();
        if (deleteSet.isEmpty()) {
            return parts;
        }
        DeleteSet current = new DeleteSet();
        int size = 0;
        for (Integer client : deleteSet.clients()) {
            for (IdRange range : deleteSet.ranges(client)) {
                if (size + 24 > budget) {
                    parts.add(deleteSetOnly(current));
                    current = new DeleteSet();
                    size = 0;
                }
                current.add(client, range.clock, range.length);
                size += 24;
            }
        }
        parts.add(deleteSetOnly(current));
        return parts;
    }

    private static byte[] deleteSetOnly(DeleteSet deleteSet) {
        Lib0Writer writer = new Lib0Writer();
        writer.writeVarUint(0);
        deleteSet.write(writer);
        return writer.toByteArray();
    }

    /** Structs of one part, written as client blocks of consecutive clocks. */
    private static final class PartWriter {
        private final List<Struct> structs = new ArrayList<>();
        int size;

        void add(Struct struct, int bytes) {
            structs.add(struct);
            size += bytes;
        }

        boolean isEmpty() {
            return structs.isEmpty();
        }

        byte[] finish() {
            List<List<Struct>> blocks = new ArrayList<>();
            List<Struct> block = null;
            for (Struct struct : structs) {
                Struct previous = block == null ? null : block.get(block.size() - 1);
                if (previous == null || previous.client != struct.client
                        || previous.clock + previous.length != struct.clock) {
                    block = new ArrayList<>();
                    blocks.add(block);
                }
                block.add(struct);
            }
            Lib0Writer writer = new Lib0Writer(size + OVERHEAD);
            writer.writeVarUint(blocks.size());
            for (List<Struct> b : blocks) {
                writer.writeVarUint(b.size());
                writer.writeVarUint(b.get(0).client);
                writer.writeVarUint(b.get(0).clock);
                for (Struct struct : b) {
                    struct.write(writer, 0);
                }
            }
            writer.writeVarUint(0); // no deletions: the delete set travels in parts of its own
            return writer.toByteArray();
        }
    }
}
