package org.vaultsync.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, each with a fresh profile. Nothing is downloaded:
 * the binary and the driver are given explicitly, which also keeps Selenium Manager from running.
 */
public final class Chromium implements AutoCloseable {
    private static final String BINARY = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Chromium start() throws IOException {
        Path profile = Files.createTempDirectory("vault-sync-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--allow-loopback-in-peer-connection", "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", "--window-size=1200,800", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Chromium(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The instance's fresh profile directory (its {@code --user-data-dir}), which also names its processes. */
    public Path profile() {
        return profile;
    }

    /**
     * From the next page on, counts the page's {@code RTCPeerConnection}s from before its own scripts run; read
     * with {@link #madeConnections()}.
     */
    public void countPeerConnections() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ""
                + "window.madeConnections = 0; const Native = window.RTCPeerConnection;"
                + "window.RTCPeerConnection = class extends Native {"
                + "  constructor(config) { super(config); window.madeConnections++; } };"));
    }

    /** How many {@code RTCPeerConnection}s the current page made (see {@link #countPeerConnections()}). */
    public int madeConnections() {
        return ((Number) driver.executeScript("return window.madeConnections")).intValue();
    }

    /** Console messages at SEVERE level (errors and uncaught exceptions) since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless; the test result is what matters.
        }
    }
}
