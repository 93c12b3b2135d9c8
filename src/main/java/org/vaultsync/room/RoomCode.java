package org.vaultsync.room;

import org.vaultsync.common.RandomBytes;

/**
 * A room's 6-character code from a 32-symbol alphabet without the look-alikes I, O, 0 and 1. Input is tolerant
 * (case, spaces, hyphens) but never silently truncated: seven significant characters is an error, not a code.
 */
public final class RoomCode {
    public static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 6;
    public static final String PLACEHOLDER = "ABC-DEF";
    public static final String HINT = "6 characters (letters and numbers)";

    private final String code;

    private RoomCode(String code) {
        this.code = code;
    }

    /** A fresh code: 256 is a multiple of 32, so one random byte modulo 32 picks each symbol without bias. */
    public static RoomCode generate(RandomBytes random) {
        byte[] bytes = new byte[LENGTH];
        random.fill(bytes);
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt((bytes[i] & 0xFF) % ALPHABET.length());
        }
        return new RoomCode(new String(chars));
    }

    /** Parses what a user typed or pasted; throws {@link InvalidRoomCodeException} with a message fit to show. */
    public static RoomCode parse(String input) throws InvalidRoomCodeException {
        String normalised = normalise(input);
        if (normalised.length() != LENGTH) {
            throw new InvalidRoomCodeException("Room code must be 6 characters");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(normalised.charAt(i)) < 0) {
                throw new InvalidRoomCodeException("Room code contains invalid characters (I, O, 0 and 1 are not used)");
            }
        }
        return new RoomCode(normalised);
    }

    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        } catch (InvalidRoomCodeException e) {
            return false;
        }
    }

    /** Keeps only ASCII letters and digits, upper-cased. */
    public static String normalise(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= 'a' && c <= 'z') {
                out.append((char) (c - 'a' + 'A'));
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Display form for (possibly partial) input: the hyphen appears once a fourth character is typed. */
    public static String format(String input) {
        String normalised = normalise(input);
        if (normalised.length() <= 3) {
            return normalised;
        }
        return normalised.substring(0, 3) + "-" + normalised.substring(3);
    }

    /** The bare code, e.g. {@code ABCDEF}. */
    public String value() {
        return code;
    }

    /** The code as shown to people, e.g. {@code ABC-DEF}. */
    public String display() {
        return format(code);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoomCode that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return display();
    }
}
