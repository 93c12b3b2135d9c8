package org.vaultsync.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;

/**
 * The app's addresses ({@code #/vault/units}, {@code #/vault/item/{id}}, {@code #/join/ABC-DEF}, ...) read and
 * written by hand. Flavour's routing did the same from annotations on {@link AppRoute}, but it compiled to a
 * generated matcher (a DFA as nested labelled blocks, larger with every route) plus a route parser and a link
 * builder: about 4 KB of the gzipped client for ten routes. Matching is Flavour's: the whole fragment must match,
 * a parameter is at least one character of anything and is URI-decoded; a parameter that is not valid percent
 * encoding matches nothing (Flavour threw).
 */
final class Routes {
    static final String UNITS = "#/vault/units";
    static final String PILOTS = "#/vault/pilots";
    static final String FORCES = "#/vault/forces";
    static final String SYNC_SETTINGS = "#/settings/sync";
    static final String SHARED = "#/shared";
    private static final String ITEM = "#/vault/item/";
    private static final String JOIN = "#/join/";

    private Routes() {
    }

    /** The address of an item's page. */
    static String item(String id) {
        return ITEM + encodeComponent(id);
    }

    /** Goes to {@code address} (the page changes when the browser reports the new fragment). */
    static void go(String address) {
        Window.current().getLocation().setHash(address);
    }

    /**
     * Calls the page of {@code pages} whose address {@code hash} (with or without its {@code #}) is; false when no
     * page has that address.
     */
    static boolean open(String hash, AppRoute pages) {
        String address = hash.startsWith("#") ? hash : "#" + hash;
        switch (address) {
            case UNITS -> pages.units();
            case PILOTS -> pages.pilots();
            case FORCES -> pages.forces();
            case UNITS + "/new" -> pages.newUnit();
            case PILOTS + "/new" -> pages.newPilot();
            case FORCES + "/new" -> pages.newForce();
            case SYNC_SETTINGS -> pages.syncSettings();
            case SHARED -> pages.shared();
            default -> {
                String id = parameter(address, ITEM);
                if (id != null) {
                    pages.item(id);
                    return true;
                }
                String code = parameter(address, JOIN);
                if (code != null) {
                    pages.join(code);
                    return true;
                }
                return false;
            }
        }
        return true;
    }

    /** What follows {@code prefix}, decoded; null when the address has another start, nothing after it, or bad escapes. */
    private static String parameter(String address, String prefix) {
        if (!address.startsWith(prefix) || address.length() == prefix.length()) {
            return null;
        }
        return decodeComponent(address.substring(prefix.length()));
    }

    @JSBody(params = "text", script = "return encodeURIComponent(text);")
    private static native String encodeComponent(String text);

    @JSBody(params = "text", script = "try { return decodeURIComponent(text); } catch (err) { return null; }")
    private static native String decodeComponent(String text);
}
