package org.vaultsync.vault;

import org.vaultsync.crdt.types.YMap;
import org.vaultsync.crdt.types.YText;

/**
 * How fields people type into (notes, description; {@link FieldKind#LONG_TEXT}) live in the room's document: one
 * {@code Y.Text} per field, so two players typing in the same note at once merge character by character. An edit
 * from a form arrives as the whole new text; it is written as the difference from what the field holds (the
 * changed middle between the common prefix and suffix, never splitting a surrogate pair), so characters a peer typed
 * elsewhere in the text survive. A plain string written by an older client still reads as text and is replaced by
 * a {@code Y.Text} on our next edit.
 */
final class TextFieldCodec {
    private TextFieldCodec() {
    }

    /** Writes {@code text} into field {@code key} of {@code data}, whose current room value is {@code current}. */
    static void write(YMap data, String key, Object current, String text) {
        if (!(current instanceof YText shared)) {
            if (!text.equals(current) || current == null) {
                data.set(key, new YText(text));
            }
            return;
        }
        String old = shared.toString();
        if (old.equals(text)) {
            return;
        }
        int prefix = commonPrefix(old, text);
        int suffix = commonSuffix(old, text, prefix);
        int removed = old.length() - prefix - suffix;
        if (removed > 0) {
            shared.delete(prefix, removed);
        }
        String inserted = text.substring(prefix, text.length() - suffix);
        if (!inserted.isEmpty()) {
            shared.insert(prefix, inserted);
        }
    }

    /** The text of a room value, or null when it is not text. */
    static String read(Object raw) {
        if (raw instanceof String text) {
            return text;
        }
        return raw instanceof YText text ? text.toString() : null;
    }

    /** Long texts merge concurrent edits, so they never end in a conflict. */
    static boolean mergesConcurrentEdits() {
        return true;
    }

    private static int commonPrefix(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int n = 0;
        while (n < max && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        if (n > 0 && n < a.length() && Character.isHighSurrogate(a.charAt(n - 1))) {
            n--; // keep a pair whole: the edit starts before its first half
        }
        return n;
    }

    private static int commonSuffix(String a, String b, int prefix) {
        int max = Math.min(a.length(), b.length()) - prefix;
        int n = 0;
        while (n < max && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        if (n > 0 && n < a.length() - prefix && Character.isLowSurrogate(a.charAt(a.length() - n))) {
            n--;
        }
        return n;
    }
}
