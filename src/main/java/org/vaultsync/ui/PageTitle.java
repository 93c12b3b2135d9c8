package org.vaultsync.ui;

import org.teavm.jso.dom.html.HTMLDocument;

/** Keeps the browser tab title in step with the page so history entries are recognisable. */
final class PageTitle {
    private PageTitle() {
    }

    static void set(String page) {
        HTMLDocument.current().setTitle(page + " · Vault Sync");
    }
}
