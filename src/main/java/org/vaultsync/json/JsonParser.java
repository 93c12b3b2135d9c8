package org.vaultsync.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict RFC 8259 reader: no comments, no trailing commas, no leading zeros; a repeated key keeps its last value in
 * its first position, as {@code JSON.parse} does.
 */
final class JsonParser {
    private final String text;
    private final int maxDepth;
    private int pos;

    JsonParser(String text, int maxDepth) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        this.text = text;
        this.maxDepth = maxDepth;
    }

    Object parseDocument() throws JsonException {
        skipWhitespace();
        Object value = parseValue(0);
        skipWhitespace();
        if (pos != text.length()) {
            throw error("unexpected content after the JSON value");
        }
        return value;
    }

    private Object parseValue(int depth) throws JsonException {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return parseObject(depth + 1);
            case '[':
                return parseArray(depth + 1);
            case '"':
                return parseString();
            case 't':
                expectWord("true");
                return Boolean.TRUE;
            case 'f':
                expectWord("false");
                return Boolean.FALSE;
            case 'n':
                expectWord("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return parseNumber();
                }
                throw error("unexpected character '" + printable(c) + "'");
        }
    }

    private Map<String, Object> parseObject(int depth) throws JsonException {
        checkDepth(depth);
        pos++;
        Map<String, Object> object = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return object;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            String key = parseString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = parseValue(depth);
            object.put(key, value); // a repeated key keeps its first position, as in JavaScript
            skipWhitespace();
            char next = peek();
            pos++;
            if (next == '}') {
                return object;
            }
            if (next != ',') {
                pos--;
                throw error("expected ',' or '}' in object");
            }
        }
    }

    private List<Object> parseArray(int depth) throws JsonException {
        checkDepth(depth);
        pos++;
        List<Object> array = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return array;
        }
        while (true) {
            skipWhitespace();
            array.add(parseValue(depth));
            skipWhitespace();
            char next = peek();
            pos++;
            if (next == ']') {
                return array;
            }
            if (next != ',') {
                pos--;
                throw error("expected ',' or ']' in array");
            }
        }
    }

    private String parseString() throws JsonException {
        pos++;
        StringBuilder out = null;
        int runStart = pos;
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String tail = text.substring(runStart, pos);
                pos++;
                return out == null ? tail : out.append(tail).toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(text, runStart, pos);
                pos++;
                out.append(parseEscape());
                runStart = pos;
            } else {
                pos++;
            }
        }
    }

    private char parseEscape() throws JsonException {
        if (pos >= text.length()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': return parseHexEscape();
            default:
                pos--;
                throw error("invalid escape '\\" + printable(c) + "'");
        }
    }

    private char parseHexEscape() throws JsonException {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexDigit(text.charAt(pos + i));
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    /**
     * JSON's hex digits are ASCII only, as JSON.parse reads them ({@code Character.digit} would also take, say,
     * fullwidth digits, and in the browser it brings TeaVM's table of every Unicode digit).
     */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private Double parseNumber() throws JsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("invalid number: digits expected after '.'");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number: digits expected in exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        return JsNumberFormat.parse(text.substring(start, pos));
    }

    private void expectWord(String word) throws JsonException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character '" + printable(text.charAt(pos)) + "'");
        }
        pos += word.length();
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void checkDepth(int depth) throws JsonException {
        if (depth > maxDepth) {
            throw error("nested deeper than " + maxDepth + " levels");
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? "\\u" + Integer.toHexString(0x10000 | c).substring(1) : String.valueOf(c);
    }

    private JsonException error(String what) {
        return new JsonException("Invalid JSON at offset " + pos + ": " + what);
    }
}
