package org.vaultsync.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;
import org.vaultsync.json.NativeJson;

/**
 * The browser's {@code JSON.parse} and {@code JSON.stringify} for all plain-Java code of the page
 * ({@link NativeJson}): the text is read natively and the few values of the result copied into {@link Json}'s model,
 * or the value copied into JavaScript values and written natively (strings are the same JavaScript strings both
 * ways, so an SDP is never copied character by character). Measured on a newly started page joining a room (DevTools
 * profile, bench/BrowserSyncBench's pages): our reader ran as cold code for tens of milliseconds over the join's
 * signaling frames.
 */
public final class BrowserNativeJson implements NativeJson {
    private static final int NULL = 0;
    private static final int BOOLEAN = 1;
    private static final int NUMBER = 2;
    private static final int STRING = 3;
    private static final int ARRAY = 4;

    private BrowserNativeJson() {
    }

    /** Installs the native parser for all plain-Java code of this page; harmless to call again. */
    public static void install() {
        if (!(NativeJson.installed() instanceof BrowserNativeJson)) {
            NativeJson.install(new BrowserNativeJson());
        }
    }

    @Override
    public Object parse(String text, int maxDepth) throws JsonException {
        JSObject outcome = parseNative(text);
        if (failed(outcome)) {
            throw new JsonException("Invalid JSON: " + errorOf(outcome));
        }
        return toJava(valueOf(outcome), 0, maxDepth);
    }

    @Override
    public String stringify(Object value) {
        writable = true;
        JSObject converted = toJs(value, 0);
        return writable ? stringifyNative(converted) : null;
    }

    /** False once {@link #toJs} met what our writer would write otherwise or refuse (see {@link NativeJson#stringify}). */
    private boolean writable;

    /** {@code value} as a JavaScript value for {@code JSON.stringify}; {@code depth}: arrays and maps enclosing it. */
    private JSObject toJs(Object value, int depth) {
        if (!writable || depth > Json.DEFAULT_MAX_DEPTH) {
            writable = false; // our writer refuses it
            return null;
        }
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return fromString(text);
        }
        if (value instanceof Boolean flag) {
            return fromBoolean(flag);
        }
        if (value instanceof Number number) {
            // JSON.stringify writes NaN and the infinities as null, as our writer does
            return fromNumber(value instanceof Integer || value instanceof Short || value instanceof Byte
                    ? number.intValue() : number.doubleValue());
        }
        if (!(value instanceof Map<?, ?> || value instanceof List<?>)) {
            writable = false; // our writer refuses it
            return null;
        }
        if (value instanceof List<?> list) {
            JSObject array = newArray();
            for (Object item : list) {
                push(array, toJs(item, depth + 1));
            }
            return array;
        }
        JSObject object = newObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
            if (!(entry.getKey() instanceof String name) || isArrayIndex(name)) {
                writable = false; // refused by our writer, or JavaScript would list it first
                return null;
            }
            put(object, name, toJs(entry.getValue(), depth + 1));
        }
        return object;
    }

    /** A canonical array index, 0 to 2^32 - 2: JavaScript lists such keys first, in numeric order. */
    static boolean isArrayIndex(String name) {
        int length = name.length();
        if (length == 0 || length > 10 || (length > 1 && name.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return length < 10 || name.compareTo("4294967295") < 0;
    }

    /** {@code value} in our model; {@code depth}: how many arrays and objects enclose it. */
    private static Object toJava(JSObject value, int depth, int maxDepth) throws JsonException {
        int kind = kindOf(value);
        switch (kind) {
            case NULL:
                return null;
            case BOOLEAN:
                return asBoolean(value);
            case NUMBER:
                return asNumber(value);
            case STRING:
                return asString(value);
            default:
                break;
        }
        if (depth + 1 > maxDepth) {
            throw new JsonException("Invalid JSON: nested deeper than " + maxDepth + " levels");
        }
        if (kind == ARRAY) {
            int length = lengthOf(value);
            List<Object> list = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                Object item = toJava(itemAt(value, i), depth + 1, maxDepth);
                if (item == NOT_EXACT) {
                    return NOT_EXACT;
                }
                list.add(item);
            }
            return list;
        }
        JSObject names = keysInTextOrder(value);
        if (names == null) {
            return NOT_EXACT;
        }
        int count = lengthOf(names);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = nameAt(names, i);
            Object member = toJava(member(value, name), depth + 1, maxDepth);
            if (member == NOT_EXACT) {
                return NOT_EXACT;
            }
            map.put(name, member);
        }
        return map;
    }

    @JSBody(params = "value", script = "return JSON.stringify(value);")
    private static native String stringifyNative(JSObject value);

    @JSBody(params = "value", script = "return value;")
    private static native JSObject fromString(String value);

    @JSBody(params = "value", script = "return value;")
    private static native JSObject fromBoolean(boolean value);

    @JSBody(params = "value", script = "return value;")
    private static native JSObject fromNumber(double value);

    /** No prototype, so a {@code __proto__} key is a plain key. */
    @JSBody(script = "return Object.create(null);")
    private static native JSObject newObject();

    @JSBody(script = "return [];")
    private static native JSObject newArray();

    @JSBody(params = {"array", "value"}, script = "array.push(value);")
    private static native void push(JSObject array, JSObject value);

    @JSBody(params = {"object", "name", "value"}, script = "object[name] = value;")
    private static native void put(JSObject object, String name, JSObject value);

    @JSBody(params = "text", script = "try { return {value: JSON.parse(text)}; }"
            + " catch (error) { return {error: String(error && error.message || error)}; }")
    private static native JSObject parseNative(String text);

    @JSBody(params = "outcome", script = "return 'error' in outcome;")
    private static native boolean failed(JSObject outcome);

    @JSBody(params = "outcome", script = "return outcome.error;")
    private static native String errorOf(JSObject outcome);

    @JSBody(params = "outcome", script = "return outcome.value;")
    private static native JSObject valueOf(JSObject outcome);

    @JSBody(params = "value", script = "if (value === null) return 0;"
            + " switch (typeof value) { case 'boolean': return 1; case 'number': return 2; case 'string': return 3; }"
            + " return Array.isArray(value) ? 4 : 5;")
    private static native int kindOf(JSObject value);

    @JSBody(params = "value", script = "return value;")
    private static native boolean asBoolean(JSObject value);

    @JSBody(params = "value", script = "return value;")
    private static native double asNumber(JSObject value);

    @JSBody(params = "value", script = "return value;")
    private static native String asString(JSObject value);

    @JSBody(params = "array", script = "return array.length;")
    private static native int lengthOf(JSObject array);

    @JSBody(params = {"array", "index"}, script = "return array[index];")
    private static native JSObject itemAt(JSObject array, int index);

    @JSBody(params = {"names", "index"}, script = "return names[index];")
    private static native String nameAt(JSObject names, int index);

    @JSBody(params = {"object", "name"}, script = "return object[name];")
    private static native JSObject member(JSObject object, String name);

    /**
     * The object's keys in the order of the text, or null if it has an array-index key (JavaScript lists those
     * first, in numeric order). A repeated key keeps its first position in both.
     */
    @JSBody(params = "object", script = "var names = Object.keys(object);"
            + " for (var idx = 0; idx < names.length; idx++) {"
            + "   var num = Number(names[idx]);"
            + "   if (num >>> 0 === num && num !== 4294967295 && String(num) === names[idx]) return null;"
            + " }"
            + " return names;")
    private static native JSObject keysInTextOrder(JSObject object);
}
