package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;

/** One field of an item's data: its key, the label messages use, its kind, its bounds and its default. */
public final class FieldSpec {
    private final String key;
    private final String label;
    private final FieldKind kind;
    private final double min;
    private final double max;
    private final int maxLength;
    private final Choice[] choices;
    private final Object defaultValue;

    private FieldSpec(String key, String label, FieldKind kind, double min, double max, int maxLength,
                      Choice[] choices, Object defaultValue) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.maxLength = maxLength;
        this.choices = choices;
        this.defaultValue = defaultValue;
    }

    static FieldSpec text(String key, String label, int maxLength) {
        return new FieldSpec(key, label, FieldKind.TEXT, 0, 0, maxLength, null, "");
    }

    static FieldSpec longText(String key, String label, int maxLength) {
        return new FieldSpec(key, label, FieldKind.LONG_TEXT, 0, 0, maxLength, null, "");
    }

    static FieldSpec integer(String key, String label, int min, int max, int defaultValue) {
        return new FieldSpec(key, label, FieldKind.INTEGER, min, max, 0, null, (double) defaultValue);
    }

    static FieldSpec number(String key, String label, double min, double max, double defaultValue) {
        return new FieldSpec(key, label, FieldKind.NUMBER, min, max, 0, null, defaultValue);
    }

    static FieldSpec choice(String key, String label, Choice[] choices, Choice defaultValue) {
        return new FieldSpec(key, label, FieldKind.CHOICE, 0, 0, 0, choices, defaultValue.wire());
    }

    /** A list of at most {@code maxEntries} entries; for text lists each entry has at most {@code maxLength} chars. */
    static FieldSpec list(String key, String label, FieldKind kind, int maxEntries, int maxLength) {
        return new FieldSpec(key, label, kind, 0, maxEntries, maxLength, null, new ArrayList<>());
    }

    static FieldSpec pointsByLocation(String key, String label, int maxPoints) {
        return new FieldSpec(key, label, FieldKind.POINTS_BY_LOCATION, 0, maxPoints, 40, null, new LinkedHashMap<>());
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public FieldKind kind() {
        return kind;
    }

    /** Lower bound for numbers. */
    public double min() {
        return min;
    }

    /** Upper bound for numbers and points; the most entries a list may hold. */
    public double max() {
        return max;
    }

    /** Longest text (for lists: longest entry text). */
    public int maxLength() {
        return maxLength;
    }

    public Choice[] choices() {
        return choices == null ? null : choices.clone();
    }

    Choice[] choicesUnsafe() {
        return choices;
    }

    /** A fresh copy of the default value (lists and maps are mutable copies). */
    public Object defaultValue() {
        return JsonValues.copy(defaultValue);
    }
}
