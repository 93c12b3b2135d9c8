package org.vaultsync.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vaultsync.e2e.Chromium;
import org.vaultsync.e2e.ProbePage;
import org.vaultsync.e2e.ProbeServers;

/**
 * Our browser client (the TeaVM-compiled sync probe) and a page running the real yjs 13.6.33 + y-webrtc 10.3.0,
 * each in its own Chromium process, in one room through our signaling server: they sync both ways over WebRTC;
 * and a y-webrtc page turned hostile (garbage on its data channels and on signaling) cannot break two honest pages.
 */
class YWebrtcPageWithOurClientTest {
    @RegisterExtension
    static final ProbeServers SERVERS = new ProbeServers();
    @RegisterExtension
    static final ReferencePages REFERENCE = new ReferencePages();

    private ChromeDriver openYWebrtcPage(Chromium browser, String code) {
        return openYWebrtcPage(browser, code, null);
    }

    private ChromeDriver openYWebrtcPage(Chromium browser, String code, String password) {
        ChromeDriver driver = browser.driver();
        driver.get(REFERENCE.server().peerPage("vault-sync/" + code, SERVERS.signalingUrl(), password));
        awaitTrue(driver, "return !!window.peer");
        return driver;
    }

    @Test
    void aRealYWebrtcPageAndOurPageSyncBothWays() throws Exception {
        try (Chromium ours = Chromium.start(); Chromium theirs = Chromium.start()) {
            ProbePage a = new ProbePage(ours.driver(), "ours").open(SERVERS.probePage());
            String code = a.call("create");
            a.awaitState("CONNECTED");
            ChromeDriver y = openYWebrtcPage(theirs, code);
            awaitTrue(y, "return window.peer.webrtcPeers === 1 && window.peer.synced");
            a.awaitPeers(1);

            a.call("set", "unit", "Atlas AS7-D");
            awaitTrue(y, "return window.peer.map.get('unit') === 'Atlas AS7-D'");
            y.executeScript("window.peer.map.set('pilot', 'Natasha Kerensky')");
            a.awaitValue("pilot", "Natasha Kerensky");
            assertEquals(java.util.List.of(), y.executeScript("return window.peer.errors"));
        }
    }

    @Test
    void aRealYWebrtcPageWithThePasswordSyncsWithOursAndOneWithAnotherIsReported() throws Exception {
        try (Chromium ours = Chromium.start(); Chromium right = Chromium.start(); Chromium wrong = Chromium.start()) {
            ProbePage a = new ProbePage(ours.driver(), "ours").open(SERVERS.probePage());
            // y-webrtc sends plaintext on data channels, so the room is made with that option off
            String code = a.call("createWith", "correct horse", "true");
            a.awaitState("CONNECTED");
            ChromeDriver y = openYWebrtcPage(right, code, "correct horse");
            awaitTrue(y, "return window.peer.webrtcPeers === 1 && window.peer.synced");
            a.call("set", "unit", "Atlas AS7-D");
            awaitTrue(y, "return window.peer.map.get('unit') === 'Atlas AS7-D'");
            y.executeScript("window.peer.map.set('pilot', 'Natasha Kerensky')");
            a.awaitValue("pilot", "Natasha Kerensky");

            ChromeDriver intruder = openYWebrtcPage(wrong, code, "battery staple");
            a.await("another password reported", Duration.ofSeconds(10),
                    () -> a.call("events").contains("password-mismatch"));
            assertEquals("CONNECTED", a.state(), "the right password keeps working");
            assertEquals(null, intruder.executeScript("return window.peer.map.get('unit') || null"));
            y.executeScript("window.peer.map.set('after', 'intruder')");
            a.awaitValue("after", "intruder");
        }
    }

    @Test
    void aHostilePageSendingGarbageCannotBreakTwoHonestPages() throws Exception {
        try (Chromium honestA = Chromium.start(); Chromium honestB = Chromium.start(); Chromium hostile = Chromium.start()) {
            ProbePage a = new ProbePage(honestA.driver(), "A").open(SERVERS.probePage());
            ProbePage b = new ProbePage(honestB.driver(), "B").open(SERVERS.probePage());
            String code = ProbePage.pairInNewRoom(a, b);
            ChromeDriver h = openYWebrtcPage(hostile, code);
            // both data channels open (a connection y-webrtc replaced meanwhile has no peer any more)
            awaitTrue(h, "const conns = [...window.peer.provider.room.webrtcConns.values()];"
                    + " return conns.length === 2 && conns.every(c => c.peer && c.connected)");

            h.executeScript(""
                    + "const junk = [new Uint8Array([0, 2, 200, 1, 7, 7]), new Uint8Array([0, 9]), new Uint8Array([1, 255, 255, 255, 255, 15]),"
                    + "  new Uint8Array([7, 1, 2, 3]), new Uint8Array([]), new Uint8Array([0, 0, 5, 1, 1])];"
                    + "for (const conn of window.peer.provider.room.webrtcConns.values()) {"
                    + "  if (!conn.peer) continue;"
                    + "  for (const bytes of junk) conn.peer.send(bytes);"
                    + "  conn.peer.send('text is not a peer message');"
                    + "}"
                    + "for (const conn of window.peer.provider.signalingConns) {"
                    + "  const room = window.peer.provider.roomName;"
                    + "  conn.send({type: 'publish', topic: room, data: {type: 'signal', from: 'x', to: 'y', signal: {type: 'offer', sdp: 'junk'}}});"
                    + "  conn.send({type: 'publish', topic: room, data: {type: 'announce', from: 42}});"
                    + "  conn.send({type: 'publish', topic: room, data: 'not an object'});"
                    + "}");
            a.await("garbage counted", Duration.ofSeconds(20),
                    () -> ((Number) a.stats().get("malformedReceived")).intValue()
                            + ((Number) b.stats().get("malformedReceived")).intValue() > 0);

            a.call("set", "after", "garbage");
            b.awaitValue("after", "garbage");
            b.call("set", "still", "in sync");
            a.awaitValue("still", "in sync");
            assertTrue(a.state().equals("CONNECTED") && b.state().equals("CONNECTED"));
            assertEquals(java.util.List.of(), honestA.consoleErrors());
            assertEquals(java.util.List.of(), honestB.consoleErrors());
        }
    }

    private static void awaitTrue(ChromeDriver driver, String script) {
        NodeModulesServer.awaitTrue(driver, script);
    }
}
