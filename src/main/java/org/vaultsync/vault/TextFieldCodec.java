package org.vaultsync.vault;

import org.vaultsync.crdt.types.YMap;

/**
 * How fields people type into (notes, description; {@link FieldKind#LONG_TEXT}) live in the room's document. The
 * layout wants a {@code Y.Text} per field so concurrent typing merges character by character; until the engine
 * has Y.Text this writes a plain string (whole-value last-writer-wins, reported as a conflict like any other
 * field). Switching to Y.Text is a change of this class only: write by inserting/deleting the difference into the
 * field's Y.Text, read its {@code toString()}, and report {@link #mergesConcurrentEdits()} true. Readers already
 * accept both forms, so old documents keep working.
 */
final class TextFieldCodec {
    private TextFieldCodec() {
    }

    /** Writes {@code text} into field {@code key} of {@code data}, whose current room value is {@code current}. */
    static void write(YMap data, String key, Object current, String text) {
        if (!text.equals(current)) {
            data.set(key, text);
        }
    }

    /** The text of a room value, or null when it is not text. */
    static String read(Object raw) {
        return raw instanceof String text ? text : null;
    }

    /** False while long texts are plain strings: concurrent edits of one then give a conflict. */
    static boolean mergesConcurrentEdits() {
        return false;
    }
}
