package org.vaultsync.crdt.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a delta: keep {@code count} units, insert, or delete {@code count} units. A list insert carries the
 * inserted values (a {@code List}); a text insert carries a {@code String}, an embed (a plain value) or a nested
 * type. Text ops may carry formatting {@code attributes} (null when the op has none, as when Yjs omits the field; a
 * null attribute value on a retain removes that attribute).
 */
public record DeltaOp(Kind kind, int count, Object insert, Map<String, Object> attributes) {
    public enum Kind { RETAIN, INSERT, DELETE }

    public static DeltaOp retain(int count) {
        return new DeltaOp(Kind.RETAIN, count, null, null);
    }

    public static DeltaOp retain(int count, Map<String, Object> attributes) {
        return new DeltaOp(Kind.RETAIN, count, null, attributes);
    }

    public static DeltaOp delete(int count) {
        return new DeltaOp(Kind.DELETE, count, null, null);
    }

    /** A list insert. */
    public static DeltaOp insert(List<Object> values) {
        return new DeltaOp(Kind.INSERT, values.size(), values, null);
    }

    /** A text insert of a string (counted in UTF-16 units), with or without attributes. */
    public static DeltaOp insertText(String text, Map<String, Object> attributes) {
        return new DeltaOp(Kind.INSERT, text.length(), text, attributes);
    }

    /** A text insert of one embed (a plain value or a shared type), with or without attributes. */
    public static DeltaOp insertEmbed(Object embed, Map<String, Object> attributes) {
        return new DeltaOp(Kind.INSERT, 1, embed, attributes);
    }

    /** The inserted values of a list insert; a text insert as a one-element list; empty otherwise. */
    @SuppressWarnings("unchecked")
    public List<Object> values() {
        if (insert instanceof List<?> list) {
            return (List<Object>) list;
        }
        return insert == null ? Collections.emptyList() : Collections.singletonList(insert);
    }

    /**
     * The op as Yjs writes it in a delta: {@code {insert, attributes?}}, {@code {retain, attributes?}} or
     * {@code {delete}}; nested types become their JSON form.
     */
    public Map<String, Object> toJSON() {
        Map<String, Object> json = new LinkedHashMap<>();
        switch (kind) {
            case INSERT -> json.put("insert", insert instanceof SharedType type ? type.toJSON() : insert);
            case RETAIN -> json.put("retain", (double) count);
            case DELETE -> json.put("delete", (double) count);
        }
        if (attributes != null) {
            json.put("attributes", attributes);
        }
        return json;
    }
}
