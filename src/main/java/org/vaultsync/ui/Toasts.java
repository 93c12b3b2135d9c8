package org.vaultsync.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Short messages at the bottom of the screen (a peer joined, an item was deleted — with Undo) and the ARIA live
 * region that reads changes from peers to screen-reader users. Both live outside the Flavour tree (in
 * {@code index.html}) so a page change never cuts a message short. The one way for every screen to tell the player
 * something happened.
 */
public final class Toasts {
    /** How long a toast stays; one with an action stays longer so there is time to reach it. */
    private static final int PLAIN_MS = 4_000;
    private static final int ACTION_MS = 8_000;

    private Toasts() {
    }

    @JSFunctor
    interface Action extends JSObject {
        void run();
    }

    /** Shows {@code message} and reads it out politely. */
    public static void show(String message) {
        show(message, null, null);
    }

    /** Shows {@code message} with a button (e.g. "Undo") that runs {@code action} and closes the toast. */
    public static void show(String message, String actionLabel, Runnable action) {
        showToast(message, actionLabel, action == null ? null : action::run,
                actionLabel == null ? PLAIN_MS : ACTION_MS);
        announce(message);
    }

    /** Reads {@code message} to screen-reader users without showing anything. */
    @JSBody(params = "message", script = ""
            + "var live = document.getElementById('live');"
            + "if (!live) return;"
            + "live.textContent = '';"
            // a fresh text node after clearing makes screen readers announce a repeated message again
            + "setTimeout(function() { live.textContent = message; }, 50);")
    public static native void announce(String message);

    // The pages keep room below their last control for the toasts (--toast-space, their height and margin), so a
    // player can always scroll a button such as "Save name" out from under them instead of waiting for them to go.
    // A toast never vanishes under the player: its timer waits while it holds focus or the pointer (a keyboard
    // player who tabbed onto Undo must not be dropped to the top of the page, WCAG 2.2.1), and when one closes
    // with focus inside (Dismiss, Undo) focus returns to the page instead of to nothing. Making room for a fourth
    // removes the oldest toast that is not in use.
    @JSBody(params = {"message", "label", "action", "ms"}, script = ""
            + "var box = document.getElementById('toasts');"
            + "if (!box) return;"
            + "if (!box.spaceWatched && window.ResizeObserver) {"
            + "  box.spaceWatched = true;"
            + "  new ResizeObserver(function() {"
            + "    var height = box.offsetHeight;"
            + "    document.documentElement.style.setProperty('--toast-space', height ? (height + 16) + 'px' : '0px');"
            + "  }).observe(box);"
            + "}"
            + "var toast = document.createElement('div');"
            + "toast.className = 'toast';"
            + "var text = document.createElement('span');"
            + "text.textContent = message;"
            + "toast.appendChild(text);"
            + "var timer = 0, hovered = false;"
            + "var close = function() {"
            + "  clearTimeout(timer);"
            + "  if (!toast.parentNode) return;"
            + "  var hadFocus = toast.contains(document.activeElement);"
            + "  toast.parentNode.removeChild(toast);"
            + "  var page = document.getElementById('page');"
            + "  if (hadFocus && page) page.focus();"
            + "};"
            + "var inUse = function() { return hovered || toast.contains(document.activeElement); };"
            + "var wait = function() { clearTimeout(timer); timer = setTimeout(function() {"
            + "  if (!inUse()) close(); }, ms); };"
            + "toast.inUse = inUse;"
            + "toast.addEventListener('focusin', function() { clearTimeout(timer); });"
            + "toast.addEventListener('focusout', function(event) {"
            + "  if (!toast.contains(event.relatedTarget) && !hovered) wait(); });"
            + "toast.addEventListener('mouseenter', function() { hovered = true; clearTimeout(timer); });"
            + "toast.addEventListener('mouseleave', function() { hovered = false; if (!inUse()) wait(); });"
            + "if (label !== null) {"
            + "  var button = document.createElement('button');"
            + "  button.type = 'button';"
            + "  button.className = 'toast-action';"
            + "  button.textContent = label;"
            + "  button.addEventListener('click', function() { close(); action(); });"
            + "  toast.appendChild(button);"
            + "}"
            + "var dismiss = document.createElement('button');"
            + "dismiss.type = 'button';"
            + "dismiss.className = 'toast-close';"
            + "dismiss.setAttribute('aria-label', 'Dismiss');"
            + "dismiss.textContent = '\\u00d7';"
            + "dismiss.addEventListener('click', close);"
            + "toast.appendChild(dismiss);"
            + "box.appendChild(toast);"
            + "for (var index = 0; box.children.length > 3 && index < box.children.length; ) {"
            + "  var old = box.children[index];"
            + "  if (old !== toast && !(old.inUse && old.inUse())) box.removeChild(old); else index++;"
            + "}"
            + "wait();")
    private static native void showToast(String message, String label, Action action, int ms);
}
