package org.vaultsync.crdt.encoding;

/**
 * The strings of recently read short UTF-8 texts, by their bytes: a decoded document repeats the same few object
 * keys in every object ({@code "name"}, {@code "bv"}, ...) and many short values ({@code "Davion"}, {@code "RA"},
 * a tag, a type), and reading each one again made a new string (after TeaVM a Java {@code String} object around a
 * new JavaScript string, built character by character) per occurrence, much of the garbage of applying a large
 * update. Yjs gets V8's internalised keys for free. A direct-mapped table: a text is remembered the second time
 * its bytes miss in their slot, so unique texts (IDs, names) cost one {@code int} store, not a copy. A slot holds
 * one immutable entry (bytes and string), so a lookup that races with a replacement on the JVM sees either the old
 * or the new entry, never a mix (a race on the miss marks only decides whether a text is remembered); same bytes
 * give the same string, so a hit is exactly what decoding would return.
 */
final class SharedStrings {
    /** Longer texts are rare among repeated ones and are decoded as they come. */
    static final int MAX_BYTES = 24;
    private static final int SLOTS = 1024;
    private static final Entry[] TABLE = new Entry[SLOTS];
    /** Per slot, the hash of the last bytes that missed there. */
    private static final int[] MISSED = new int[SLOTS];

    private static final class Entry {
        final byte[] bytes;
        final int hash;
        final String text;

        Entry(byte[] bytes, int hash, String text) {
            this.bytes = bytes;
            this.hash = hash;
            this.text = text;
        }
    }

    private SharedStrings() {
    }

    /**
     * The text of {@code bytes[offset ... offset + length - 1]} (1 ... {@link #MAX_BYTES} bytes): a shared string
     * if read recently, else a decoded one ({@code scratch} as for {@link Utf8}).
     */
    static String decode(byte[] bytes, int offset, int length, char[] scratch) throws DecodingException {
        int hash = length;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = 31 * hash + bytes[i];
        }
        hash ^= hash >>> 16;
        int slot = hash & (SLOTS - 1);
        Entry entry = TABLE[slot];
        if (entry != null && entry.hash == hash && entry.bytes.length == length && sameBytes(entry.bytes, bytes, offset)) {
            return entry.text;
        }
        String text = Utf8.decode(bytes, offset, length, scratch);
        if (MISSED[slot] == hash) {
            byte[] copy = new byte[length];
            System.arraycopy(bytes, offset, copy, 0, length);
            TABLE[slot] = new Entry(copy, hash, text);
        } else {
            MISSED[slot] = hash;
        }
        return text;
    }

    private static boolean sameBytes(byte[] known, byte[] bytes, int offset) {
        for (int i = 0; i < known.length; i++) {
            if (known[i] != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
