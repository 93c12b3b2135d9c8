package org.vaultsync.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;

/**
 * Real y-webrtc 10.3.0 + Yjs 13.6.33 providers, each in its own headless Chromium process (so they cannot meet over
 * BroadcastChannel), find each other through our signaling server, open a WebRTC data channel and sync a document.
 */
class YWebrtcThroughOurServerTest {
    private static VaultSyncServer server;
    private static NodeModulesServer modules;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(!"false".equals(System.getProperty("vaultsync.browser.tests")), "browser tests disabled");
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        server = VaultSyncServer.start(new ServerConfig("127.0.0.1", 0), WebAppAssets.fromClasspath());
        modules = new NodeModulesServer(Path.of("test-harness/node/node_modules"));
    }

    @AfterAll
    static void stop() {
        if (modules != null) {
            modules.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void twoBrowsersPairAndSyncADocumentThroughOurServer() throws Exception {
        // y-webrtc's default path is "/": one peer uses it, the other our /signal.
        pairAndSync("vault-sync-interop-plain", null, "ws://127.0.0.1:" + server.port(), server.signalingUri().toString());
    }

    @Test
    void passwordProtectedRoomPairsAndSyncsToo() throws Exception {
        pairAndSync("vault-sync-interop-secret", "correct horse", server.signalingUri().toString(), server.signalingUri().toString());
    }

    private void pairAndSync(String room, String password, String signalA, String signalB) throws Exception {
        ChromeDriver a = browser();
        ChromeDriver b = null;
        try {
            b = browser();
            open(a, room, password, signalA);
            open(b, room, password, signalB);
            awaitTrue(a, "return window.peer.webrtcPeers === 1 && window.peer.synced");
            awaitTrue(b, "return window.peer.webrtcPeers === 1 && window.peer.synced");

            a.executeScript("window.peer.map.set('unit', 'Atlas AS7-D')");
            awaitTrue(b, "return window.peer.map.get('unit') === 'Atlas AS7-D'");
            b.executeScript("window.peer.map.set('pilot', 'Natasha Kerensky')");
            awaitTrue(a, "return window.peer.map.get('pilot') === 'Natasha Kerensky'");
            assertEquals(List.of(), a.executeScript("return window.peer.errors"));
            assertEquals(List.of(), b.executeScript("return window.peer.errors"));
            assertTrue(server.signaling().metrics().messagesOut() > 0);
        } finally {
            a.quit();
            if (b != null) {
                b.quit();
            }
        }
    }

    private void open(ChromeDriver driver, String room, String password, String signal) {
        String query = "room=" + enc(room) + "&signal=" + enc(signal) + (password == null ? "" : "&password=" + enc(password));
        driver.get(modules.base().resolve("/peer.html?" + query).toString());
        awaitTrue(driver, "return !!window.peer");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void awaitTrue(ChromeDriver driver, String script) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Timed out on: " + script + "; page errors: " + driver.executeScript("return window.loadErrors"), e);
        }
    }

    /** A separate Chromium process with its own profile; loopback WebRTC needs the two media flags (teavm-notes). */
    private static ChromeDriver browser() throws Exception {
        Path profile = Files.createTempDirectory("vault-sync-ywebrtc");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--allow-loopback-in-peer-connection", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
