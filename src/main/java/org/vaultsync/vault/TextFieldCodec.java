package org.vaultsync.vault;

import org.vaultsync.crdt.types.GenericType;
import org.vaultsync.crdt.types.YMap;

/**
 * How fields people type into (notes, description; {@link FieldKind#LONG_TEXT}) live in the room's document. The
 * layout wants a {@code Y.Text} per field so concurrent typing merges character by character; until the engine
 * has Y.Text this writes a plain string (whole-value last-writer-wins, reported as a conflict like any other
 * field). Switching to Y.Text is a change of this class only: {@code write} sets {@code new YText(text)} when the
 * field holds no Y.Text yet and otherwise deletes/inserts the changed middle, {@code read} returns its
 * {@code toString()}, {@link #mergesConcurrentEdits()} returns true. Reading already accepts both forms (a Y.Text
 * written by another client reads as its text, so it is never taken for garbage); until the switch, our own edit
 * of such a field replaces the Y.Text with a string (the value is right, concurrent typing in it is not merged).
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

    /**
     * The text of a room value, or null when it is not text. A Y.Text written by another client (or a newer
     * version of ours) reads as its characters, so it is never mistaken for garbage and "repaired" into a string.
     */
    static String read(Object raw) {
        if (raw instanceof String text) {
            return text;
        }
        return raw instanceof GenericType type && type.typeRef() == GenericType.TEXT
                && type.toJSON() instanceof String text ? text : null;
    }

    /** False while long texts are plain strings: concurrent edits of one then give a conflict. */
    static boolean mergesConcurrentEdits() {
        return false;
    }
}
