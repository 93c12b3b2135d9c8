package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.common.AsciiFold;
import org.vaultsync.json.Json;

/**
 * A field's value as the text of a form control and back. Numbers are typed as text (so a half-typed "3." is kept
 * while the player types), lists one entry per line, equipment as {@code Medium Laser (RA)}, armor as
 * {@code HD: 9}. Reading gives the value or the message to show next to the field; the rules themselves are
 * {@link ItemValidator}'s, so the form says exactly what the store would refuse.
 */
public final class FieldText {
    private FieldText() {
    }

    /** What the form reads: a value, or why the text is not one (then {@code value} is null). */
    public record Parsed(Object value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** The text showing {@code value} of field {@code spec}. */
    public static String format(FieldSpec spec, Object value) {
        FieldKind kind = spec.kind(); // tested with ==, not a switch (see FieldKind)
        if (kind.isNumber()) {
            return value instanceof Number n ? Json.formatNumber(n.doubleValue()) : "";
        }
        if (kind.isList()) {
            StringBuilder out = new StringBuilder();
            if (value instanceof List<?> list) {
                for (Object entry : list) {
                    String line = kind == FieldKind.TEXT_LIST ? entry instanceof String text ? text : null
                            : equipmentLine(entry);
                    if (line != null) {
                        out.append(out.length() > 0 ? "\n" : "").append(line);
                    }
                }
            }
            return out.toString();
        }
        if (kind == FieldKind.POINTS_BY_LOCATION) {
            StringBuilder out = new StringBuilder();
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (entry.getValue() instanceof Number n) {
                        out.append(out.length() > 0 ? "\n" : "").append(entry.getKey()).append(": ")
                                .append(Json.formatNumber(n.doubleValue()));
                    }
                }
            }
            return out.toString();
        }
        return value instanceof String text ? text : "";
    }

    /** Reads {@code text} as field {@code spec} of an item whose data is {@code data} (for rules across fields). */
    public static Parsed parse(FieldSpec spec, String text, Map<String, ?> data) {
        Object value;
        FieldKind kind = spec.kind();
        if (kind.isNumber()) {
            String digits = withoutGrouping(text);
            if (digits.isEmpty()) {
                return new Parsed(null, spec.label() + " is required");
            }
            if (!isDecimal(digits)) {
                return new Parsed(null, spec.label() + " must be a number");
            }
            value = decimal(digits);
        } else if (kind == FieldKind.TEXT_LIST) {
            value = new ArrayList<Object>(splitLines(text));
        } else if (kind == FieldKind.EQUIPMENT_LIST) {
            List<Object> entries = new ArrayList<>();
            for (String line : splitLines(text)) {
                entries.add(equipment(line));
            }
            value = entries;
        } else if (kind == FieldKind.POINTS_BY_LOCATION) {
            Map<String, Object> points = new LinkedHashMap<>();
            List<String> lines = splitLines(text);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int cut = Math.max(line.lastIndexOf(':'), line.lastIndexOf(' '));
                String number = cut < 0 ? "" : withoutGrouping(line.substring(cut + 1));
                String location = cut < 0 ? "" : line.substring(0, cut).trim();
                if (location.endsWith(":")) {
                    location = location.substring(0, location.length() - 1).trim();
                }
                if (location.isEmpty() || !isDecimal(number)) {
                    return new Parsed(null, spec.label() + " line " + (i + 1)
                            + " needs a location and points, like HD: 9");
                }
                points.put(location, decimal(number));
            }
            value = points;
        } else {
            value = text;
        }
        String problem = ItemValidator.checkField(spec, value, data);
        return problem == null ? new Parsed(value, null) : new Parsed(null, problem);
    }

    /** The name field: the trimmed-or-not text as typed, or why it cannot be a name. */
    public static Parsed parseName(String text) {
        String problem = ItemValidator.checkName(text);
        return problem == null ? new Parsed(text, null) : new Parsed(null, problem);
    }

    private static Map<String, Object> equipment(String line) {
        String name = line;
        String location = "";
        int open = line.lastIndexOf(" (");
        if (line.endsWith(")") && open > 0) {
            name = line.substring(0, open).trim();
            location = line.substring(open + 2, line.length() - 1).trim();
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("location", location);
        return entry;
    }

    /** {@code Medium Laser (RA)}, or null when {@code entry} has no name. */
    private static String equipmentLine(Object entry) {
        if (!(entry instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)) {
            return null;
        }
        Object location = map.get("location");
        return location instanceof String where && !where.isEmpty() ? name + " (" + where + ")" : name;
    }

    /** Non-blank lines, trimmed. */
    static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                String line = text.substring(start, i).trim();
                if (!line.isEmpty()) {
                    out.add(line);
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** "1,500,000" and "1 500 000" are numbers too. */
    private static String withoutGrouping(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ',' && c != '_' && !AsciiFold.isSpace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The value of a text {@link #isDecimal} accepted, without {@code Double.parseDouble} (which would bring TeaVM's
     * Unicode tables into the client): the digits as a whole number, divided by the power of ten of the decimals.
     * Exact for what a form takes (up to 15 significant digits: the division is then correctly rounded).
     */
    private static double decimal(String text) {
        double whole = 0;
        double scale = 1;
        boolean point = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                point = true;
            } else if (c >= '0' && c <= '9') {
                whole = whole * 10 + (c - '0');
                if (point) {
                    scale *= 10;
                }
            }
        }
        return (text.startsWith("-") ? -whole : whole) / scale;
    }

    /** An optional minus, digits, at most one point, at least one digit (no exponents, no "1d" Java suffixes). */
    private static boolean isDecimal(String text) {
        int digits = 0;
        boolean point = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else if (!(c == '-' && i == 0)) {
                return false;
            }
        }
        return digits > 0;
    }
}
