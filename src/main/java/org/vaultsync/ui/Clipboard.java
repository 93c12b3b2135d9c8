package org.vaultsync.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** Copies a code or a link and says so; where the browser refuses, tells the player to copy it by hand. */
final class Clipboard {
    private Clipboard() {
    }

    @JSFunctor
    interface Done extends JSObject {
        void run(boolean copied);
    }

    /** Copies {@code text}; a toast names {@code what} ("Link", "Room code") and whether it worked. */
    static void copy(String text, String what) {
        write(text, copied -> Toasts.show(copied ? what + " copied" : "Could not copy: select the " + what.toLowerCase()
                + " and copy it by hand"));
    }

    // The asynchronous Clipboard API needs a secure page and focus; execCommand covers older or stricter cases.
    @JSBody(params = {"text", "done"}, script = ""
            + "var fallback = function() {"
            + "  var area = document.createElement('textarea');"
            + "  area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.opacity = '0';"
            + "  var focused = document.activeElement;"
            + "  document.body.appendChild(area); area.select();"
            + "  var copied = false; try { copied = document.execCommand('copy'); } catch (failure) { copied = false; }"
            + "  document.body.removeChild(area); if (focused) focused.focus();"
            + "  done(copied);"
            + "};"
            + "if (navigator.clipboard && window.isSecureContext) {"
            + "  navigator.clipboard.writeText(text).then(function() { done(true); }, fallback);"
            + "} else { fallback(); }")
    private static native void write(String text, Done done);
}
