package org.vaultsync.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vaultsync.e2e.Chromium;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;
import org.vaultsync.server.cluster.RedisProcess;

/**
 * Real y-webrtc 10.3.0 + Yjs 13.6.33 providers, each in its own headless Chromium process (so they cannot meet over
 * BroadcastChannel), find each other through our signaling server, open a WebRTC data channel and sync a document;
 * also with each browser on a different server node, the nodes joined by a real redis-server.
 */
class YWebrtcThroughOurServerTest {
    private static VaultSyncServer server;
    @RegisterExtension
    static final ReferencePages REFERENCE = new ReferencePages();

    @BeforeAll
    static void start() throws Exception {
        server = VaultSyncServer.start(new ServerConfig("127.0.0.1", 0), WebAppAssets.fromClasspath());
    }

    @AfterAll
    static void stop() {
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

    @Test
    void browsersOnTwoNodesJoinedByRedisPairAndSync() throws Exception {
        try (RedisProcess redis = RedisProcess.start()) {
            ServerConfig clustered = new ServerConfig("127.0.0.1", 0).withRedis(redis.url());
            VaultSyncServer nodeA = VaultSyncServer.start(clustered, WebAppAssets.fromClasspath());
            VaultSyncServer nodeB = VaultSyncServer.start(clustered, WebAppAssets.fromClasspath());
            try {
                pairAndSync("vault-sync-interop-two-nodes", null, nodeA.signalingUri().toString(), nodeB.signalingUri().toString());
            } finally {
                nodeA.stop();
                nodeB.stop();
            }
        }
    }

    private void pairAndSync(String room, String password, String signalA, String signalB) throws Exception {
        // Two Chromium processes with their own profiles: two pages of one browser would meet over BroadcastChannel.
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start()) {
            ChromeDriver a = browserA.driver();
            ChromeDriver b = browserB.driver();
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
            assertEquals(List.of(), browserA.consoleErrors());
            assertEquals(List.of(), browserB.consoleErrors());

        }
    }

    private void open(ChromeDriver driver, String room, String password, String signal) {
        String query = "room=" + enc(room) + "&signal=" + enc(signal) + (password == null ? "" : "&password=" + enc(password));
        driver.get(REFERENCE.server().base().resolve("/peer.html?" + query).toString());
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
}
