package org.vaultsync.ui;

import org.teavm.flavour.templates.Templates;
import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Window;
import org.vaultsync.sync.ConnectionState;
import org.vaultsync.sync.ConnectionStatus;
import org.vaultsync.sync.SyncClient;

/**
 * The connection as the top bar and Settings › Sync show it (product.md §2): a coloured state and one line of text
 * from {@link ConnectionStatus#describe}, with Retry where only the player can move things on (error, wrong
 * password). While retrying the countdown is redrawn every second.
 */
public final class StatusIndicator {
    private static boolean ticking;

    /** Starts the once-a-second redraw that keeps "next in Ns" counting down (only while retrying). */
    static void startTicking() {
        if (ticking) {
            return;
        }
        ticking = true;
        Window.setInterval(() -> {
            SyncClient sync = AppServices.get().sync();
            if (sync != null && sync.getConnectionState() == ConnectionState.RETRYING) {
                Templates.update();
            }
        }, 1000);
    }

    private static ConnectionStatus status() {
        SyncClient sync = AppServices.get().sync();
        return sync == null ? ConnectionStatus.disconnected() : sync.getStatus();
    }

    /** For CSS and tests: {@code connected}, {@code retrying}, {@code wrong_password}, ... */
    public String getState() {
        if (AppServices.get().sync() == null) {
            return "starting";
        }
        return status().state().name().toLowerCase();
    }

    public String getText() {
        if (AppServices.get().sync() == null) {
            return "Starting";
        }
        ConnectionStatus status = status();
        String line = status.describe((long) now());
        // tested with ==, not a switch on the enum (a switch-map class more in the client)
        ConnectionState state = status.state();
        if (state == ConnectionState.CONNECTED) {
            return "Connected · " + line;
        } else if (state == ConnectionState.DISCONNECTED) {
            return "Not in a room";
        }
        return line == null ? "Error" : line;
    }

    /** Error and wrong password wait for the player; everything else moves on by itself. */
    public boolean isRetryable() {
        ConnectionState state = status().state();
        return state == ConnectionState.ERROR || state == ConnectionState.WRONG_PASSWORD;
    }

    public void retry() {
        SyncClient sync = AppServices.get().sync();
        if (sync != null) {
            sync.retry();
        }
    }

    @JSBody(script = "return Date.now();")
    private static native double now();
}
