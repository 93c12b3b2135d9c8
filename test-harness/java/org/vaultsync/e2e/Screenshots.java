package org.vaultsync.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Writes what a player sees to {@code docs/screenshots/<name>-<width>.png} (linked from the README), at the phone
 * width (360 px) and at desktop width (1280 px). The whole page is captured, on a screen as tall as the page, so
 * long screens are judged in full and what is fixed to the screen's bottom is drawn at the bottom. The window
 * keeps the width of the last capture; tests that care set it again.
 */
public final class Screenshots {
    public static final int PHONE = 360;
    public static final int DESKTOP = 1280;
    private static final Path DIR = Path.of(System.getProperty("screenshots.dir", "docs/screenshots"));

    private Screenshots() {
    }

    /** Captures the current page at both widths; returns to desktop width after. */
    public static void both(ChromeDriver page, String name) {
        at(page, name, PHONE);
        at(page, name, DESKTOP);
    }

    /**
     * Captures the current page at both widths as a player whose system asks for dark colours sees it
     * ({@code prefers-color-scheme: dark}), as {@code <name>-dark-<width>.png}; the page is back to light after.
     */
    public static void bothDark(ChromeDriver page, String name) {
        page.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", java.util.List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            both(page, name + "-dark");
        } finally {
            page.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", java.util.List.of()));
        }
    }

    /** Captures the current page at {@code width} CSS pixels (device scale 1). */
    public static Path at(ChromeDriver page, String name, int width) {
        page.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", width < 600));
        try {
            Object height = page.executeScript(
                    "return Math.max(800, Math.ceil(document.documentElement.scrollHeight));");
            // a screen as tall as the page, so what is fixed to the bottom of the screen (the phone's tab bar,
            // toasts) is drawn at the bottom of the picture, not in the middle of the page
            page.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                    "height", ((Number) height).intValue(), "deviceScaleFactor", 1, "mobile", width < 600));
            height = page.executeScript("return Math.max(800, Math.ceil(document.documentElement.scrollHeight));");
            Map<String, Object> shot = page.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", ((Number) height).intValue(),
                            "scale", 1)));
            Path file = DIR.resolve(name + "-" + width + ".png");
            Files.createDirectories(DIR);
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            page.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
