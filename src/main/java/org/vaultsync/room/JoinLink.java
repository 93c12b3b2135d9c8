package org.vaultsync.room;

/**
 * Share links {@code <origin>/#/join/ABC-DEF}. The code travels in the fragment, so it never reaches a server log.
 * {@link #parse} takes whatever a person pasted or typed into the join field: a bare code or a whole link.
 */
public final class JoinLink {
    public static final String FRAGMENT_PREFIX = "#/join/";
    public static final String NOT_A_ROOM_LINK = "This link is not a Vault Sync room link (it should end in #/join/ABC-DEF)";

    private JoinLink() {
    }

    /** The link to {@code code} on the app at {@code origin} (e.g. {@code https://vault.example}). */
    public static String of(String origin, RoomCode code) {
        String base = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        return base + "/" + FRAGMENT_PREFIX + code.display();
    }

    /** A code or a share link; throws with a message fit to show when it is neither. */
    public static RoomCode parse(String codeOrLink) throws InvalidRoomCodeException {
        String input = codeOrLink == null ? "" : codeOrLink.trim();
        int join = input.indexOf(FRAGMENT_PREFIX);
        if (join >= 0) {
            String code = input.substring(join + FRAGMENT_PREFIX.length());
            int end = firstOf(code, "?/#&");
            return RoomCode.parse(end < 0 ? code : code.substring(0, end));
        }
        if (looksLikeLink(input)) {
            throw new InvalidRoomCodeException(NOT_A_ROOM_LINK);
        }
        return RoomCode.parse(input);
    }

    private static boolean looksLikeLink(String input) {
        return input.contains("://") || input.startsWith("#") || input.startsWith("www.") || input.contains("/");
    }

    private static int firstOf(String text, String stops) {
        for (int i = 0; i < text.length(); i++) {
            if (stops.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
