package org.vaultsync.crdt.encoding;

/**
 * The strings of recently read short object keys, by their UTF-8 bytes: a decoded document repeats the same few
 * keys in every object ({@code "name"}, {@code "bv"}, ...), and reading each one again made a new string (after
 * TeaVM a Java {@code String} object around a new JavaScript string) per key per object, most of the garbage of
 * applying a large update. Yjs gets V8's internalised keys for free. A direct-mapped table: a slot holds one
 * immutable entry (bytes and string), so a lookup that races with a replacement on the JVM sees either the old or
 * the new entry, never a mix; same bytes give the same string, so a hit is exactly what decoding would return.
 */
final class KeyStrings {
    /** Longer keys are rare and are decoded as they come. */
    static final int MAX_BYTES = 24;
    private static final int SLOTS = 512;
    private static final Entry[] TABLE = new Entry[SLOTS];

    private static final class Entry {
        final byte[] bytes;
        final String text;

        Entry(byte[] bytes, String text) {
            this.bytes = bytes;
            this.text = text;
        }
    }

    private KeyStrings() {
    }

    /** The string of {@code bytes[offset ... offset + length - 1]} if read recently, else null. */
    static String find(byte[] bytes, int offset, int length) {
        Entry entry = TABLE[slot(bytes, offset, length)];
        if (entry == null || entry.bytes.length != length) {
            return null;
        }
        byte[] known = entry.bytes;
        for (int i = 0; i < length; i++) {
            if (known[i] != bytes[offset + i]) {
                return null;
            }
        }
        return entry.text;
    }

    /** Remembers {@code text}, the valid decoding of {@code bytes[offset ... offset + length - 1]}. */
    static void remember(byte[] bytes, int offset, int length, String text) {
        byte[] copy = new byte[length];
        System.arraycopy(bytes, offset, copy, 0, length);
        TABLE[slot(bytes, offset, length)] = new Entry(copy, text);
    }

    private static int slot(byte[] bytes, int offset, int length) {
        int h = length;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + bytes[i];
        }
        h ^= h >>> 16;
        return h & (SLOTS - 1);
    }
}
