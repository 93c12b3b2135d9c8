package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WindowType;
import org.vaultsync.sync.persistence.RoomPersistence;

/**
 * The browser sync client (WebSocket signaling, WebRTC data channels, BroadcastChannel, IndexedDB) in real headless
 * Chromium processes, each with its own profile, through our real signaling server.
 */
class BrowserSyncInChromiumTest {
    @RegisterExtension
    static final ProbeServers SERVERS = new ProbeServers();

    @BeforeEach
    void signalingIsUp() throws Exception {
        SERVERS.startSignaling();
    }

    private ProbePage open(Chromium browser, String name) {
        return new ProbePage(browser.driver(), name).open(SERVERS.probePage());
    }

    @Test
    void twoBrowsersMeetByCodeAndByLinkAndSyncBothWays() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start()) {
            ProbePage a = open(browserA, "A");
            ProbePage b = open(browserB, "B");
            assertEquals("DISCONNECTED", a.state());

            String code = a.call("create");
            a.awaitState("CONNECTED");
            assertEquals("Waiting for peers", a.status().get("text"), "connected while alone, never stuck connecting");

            assertEquals(code, b.call("join", code.substring(0, 3).toLowerCase() + "-" + code.substring(3)));
            ProbePage.awaitPeers(1, a, b);
            assertEquals("1 peer", a.status().get("text"));

            a.call("set", "unit", "Atlas AS7-D");
            b.awaitValue("unit", "Atlas AS7-D");
            b.call("set", "pilot", "Natasha Kerensky");
            a.awaitValue("pilot", "Natasha Kerensky");

            String link = a.call("shareLink");
            assertEquals(SERVERS.probePage() + "#/join/" + code.substring(0, 3) + "-" + code.substring(3), link);
            b.call("leave");
            a.awaitPeers(0);
            assertEquals("DISCONNECTED", b.state());
            assertEquals(code, b.call("join", link));
            b.awaitPeers(1);
            a.call("set", "force", "Kell Hounds");
            b.awaitValue("force", "Kell Hounds");

            assertTrue(b.call("join", "ABCIOO").startsWith("error: Room code contains invalid characters"));
            assertEquals(List.of(), browserA.consoleErrors());
            assertEquals(List.of(), browserB.consoleErrors());
        }
    }

    @Test
    void aPageInARoomMakesTheNextPeersConnectionBeforeThatPeerArrives() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start(); Chromium browserC = Chromium.start()) {
            browserA.countPeerConnections();
            ProbePage a = open(browserA, "A");
            ProbePage b = open(browserB, "B");
            ProbePage c = open(browserC, "C");
            String code = ProbePage.pairInNewRoom(a, b);
            // one for B (made while A's announce travelled) and one waiting for whoever comes next
            a.await("A to make the next peer's connection ahead", Duration.ofSeconds(10), () -> browserA.madeConnections() == 2);
            assertEquals(1, a.peers());

            c.call("join", code);
            ProbePage.awaitPeers(2, a, b, c);
            a.await("A to make a connection ahead again", Duration.ofSeconds(10), () -> browserA.madeConnections() == 3);
            a.call("set", "unit", "Atlas AS7-D");
            c.awaitValue("unit", "Atlas AS7-D");
            assertEquals(List.of(), browserA.consoleErrors());
        }
    }

    @Test
    void aNewcomerAnswersTheRoomsOffersOneAtATime() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start();
             Chromium browserC = Chromium.start(); Chromium browserD = Chromium.start()) {
            // D logs each offer it takes and each answer it has set, per connection; the first offer's
            // setRemoteDescription resolves only once all three offers have reached D's socket, so answering them
            // all together (the old way) shows as three offers taken before the first answer
            browserD.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                    window.answering = [];
                    let offersIn = 0, release;
                    const allOffersIn = new Promise(resolve => { release = resolve; setTimeout(resolve, 20000); });
                    const NativeSocket = window.WebSocket;
                    window.WebSocket = function(url, protocols) {
                      const socket = new NativeSocket(url, protocols);
                      socket.addEventListener('message', event => {
                        if (typeof event.data === 'string' && event.data.includes('"offer"') && ++offersIn === 3) release();
                      });
                      return socket;
                    };
                    window.WebSocket.prototype = NativeSocket.prototype;
                    for (const key of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) window.WebSocket[key] = NativeSocket[key];
                    const ids = new WeakMap();
                    let next = 0;
                    const name = pc => { if (!ids.has(pc)) ids.set(pc, next++); return ids.get(pc); };
                    const proto = RTCPeerConnection.prototype;
                    const setRemote = proto.setRemoteDescription, setLocal = proto.setLocalDescription;
                    let held = false;
                    proto.setRemoteDescription = function(description) {
                      const result = setRemote.call(this, description);
                      if (description.type !== 'offer') return result;
                      window.answering.push('offer ' + name(this));
                      if (held) return result;
                      held = true;
                      return result.then(value => allOffersIn.then(() => value));
                    };
                    proto.setLocalDescription = function(description) {
                      const result = setLocal.apply(this, arguments);
                      if (description && description.type === 'answer') {
                        const pc = this;
                        result.then(() => window.answering.push('answer ' + name(pc)));
                      }
                      return result;
                    };
                    """));
            ProbePage a = open(browserA, "A");
            ProbePage b = open(browserB, "B");
            ProbePage c = open(browserC, "C");
            ProbePage d = open(browserD, "D");
            String code = ProbePage.pairInNewRoom(a, b);
            c.call("join", code);
            ProbePage.awaitPeers(2, a, b, c);

            d.call("join", code);
            ProbePage.awaitPeers(3, a, b, c, d);
            assertEquals(List.of("offer 0", "answer 0", "offer 1", "answer 1", "offer 2", "answer 2"),
                    d.js("return window.answering"), "each offer answered before the next is taken");
            c.call("set", "unit", "Atlas AS7-D");
            d.awaitValue("unit", "Atlas AS7-D");
            assertEquals(List.of(), browserD.consoleErrors());
        }
    }

    @Test
    void editsMadeWhileOfflineConvergeWhenTheBrowserIsBack() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start()) {
            ProbePage a = open(browserA, "A");
            ProbePage b = open(browserB, "B");
            ProbePage.pairInNewRoom(a, b);

            setOffline(browserB, true);
            b.awaitState("OFFLINE");
            a.awaitPeers(0);
            a.call("set", "while", "A edited");
            b.call("set", "offline", "B edited");
            assertEquals(null, a.call("get", "offline"));

            setOffline(browserB, false);
            b.awaitState("CONNECTED");
            a.awaitValue("offline", "B edited");
            b.awaitValue("while", "A edited");
        }
    }

    private static void setOffline(Chromium browser, boolean offline) {
        browser.driver().executeCdpCommand("Network.enable", Map.of());
        browser.driver().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline,
                "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void aSignalingOutageIsRetriedVisiblyAndALeaveWhileRetryingNeverReconnects() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start()) {
            ProbePage a = open(browserA, "A");
            ProbePage b = open(browserB, "B");
            ProbePage.pairInNewRoom(a, b);

            SERVERS.stopSignaling();
            a.awaitState("RETRYING");
            Map<String, Object> retrying = a.status();
            assertTrue(((Number) retrying.get("attempt")).intValue() >= 1, retrying.toString());
            assertTrue(retrying.get("text").toString().matches("Retrying: attempt \\d of 5, next in \\d+s"),
                    retrying.toString());
            a.call("set", "during", "outage"); // the data channel outlives signaling
            b.awaitValue("during", "outage");

            SERVERS.startSignaling();
            a.awaitState("CONNECTED");
            b.awaitState("CONNECTED");
            b.call("set", "after", "outage");
            a.awaitValue("after", "outage");

            SERVERS.stopSignaling();
            a.awaitState("RETRYING");
            b.awaitState("RETRYING");
            a.call("leave");
            assertEquals("DISCONNECTED", a.state());
            SERVERS.startSignaling();
            b.call("retry");
            b.awaitState("CONNECTED");
            assertEquals("DISCONNECTED", a.state(), "A left while retrying and must stay out");
            assertEquals(0, b.peers());
        }
    }

    @Test
    void withoutSignalingTheRoomGivesUpAfterFiveAttemptsAndRetryRecovers() throws Exception {
        try (Chromium browserA = Chromium.start()) {
            ProbePage a = open(browserA, "A");
            a.call("create");
            a.awaitState("CONNECTED");
            SERVERS.stopSignaling();
            a.await("error after 5 attempts", Duration.ofSeconds(90), () -> "ERROR".equals(a.state()));
            assertEquals("Connection failed after 5 attempts. Please try again.", a.status().get("text"));
            SERVERS.startSignaling();
            a.call("retry");
            a.awaitState("CONNECTED");
        }
    }

    /** {@code page} creates a room, connects, and stores one unit in it; returns the room's code. */
    private static String roomWithAStoredUnit(ProbePage page) {
        String code = page.call("create");
        page.awaitState("CONNECTED");
        page.call("set", "unit", "Marauder MAD-3R");
        page.await("saved", Duration.ofSeconds(10), () -> Boolean.TRUE.equals(page.status().get("storeIdle")));
        return code;
    }

    /** After a reload: the page is up again and its last room is back from IndexedDB. */
    private static void awaitStoredRoomLoaded(ProbePage page) {
        page.awaitReady();
        page.await("room loaded", Duration.ofSeconds(10), () -> Boolean.TRUE.equals(page.status().get("loaded")));
    }

    @Test
    void aReloadWhileSignalingIsDownShowsTheStoredRoomBeforeAnyConnection() throws Exception {
        try (Chromium browserA = Chromium.start()) {
            ProbePage a = open(browserA, "A");
            String code = roomWithAStoredUnit(a);

            SERVERS.stopSignaling();
            browserA.driver().navigate().refresh();
            awaitStoredRoomLoaded(a);
            assertEquals(code, a.status().get("room"), "the last active room resumes after a reload");
            assertEquals("Marauder MAD-3R", a.call("get", "unit"));
            assertNotEquals("CONNECTED", a.state());
            assertTrue(a.call("events").contains("room-loaded"));
        }
    }

    /**
     * Updates are written a moment after they are made, so that their messages leave first: an edit made in the
     * same moment the page is left is still written (on {@code pagehide}), and is there after the reload.
     */
    @Test
    void anEditMadeAsThePageIsLeftIsThereAfterTheReload() throws Exception {
        try (Chromium browserA = Chromium.start()) {
            ProbePage a = open(browserA, "A");
            String code = roomWithAStoredUnit(a);

            // the page is left before the write's moment comes: from here on its timers never fire
            a.js("window.setTimeout = function() { return 0; }; window.probe.set('unit', 'Warhammer WHM-6R');");
            browserA.driver().navigate().refresh();
            awaitStoredRoomLoaded(a);
            assertEquals(code, a.status().get("room"));
            assertEquals("Warhammer WHM-6R", a.call("get", "unit"));
        }
    }

    @Test
    void aStoredRoomShowsWhileTheServersClientConfigurationIsStillOnItsWay() throws Exception {
        try (Chromium browserA = Chromium.start()) {
            ProbePage a = open(browserA, "A");
            roomWithAStoredUnit(a);

            // a network that hangs: DevTools holds the configuration request and nobody lets it go on
            browserA.driver().executeCdpCommand("Fetch.enable",
                    Map.of("patterns", List.of(Map.of("urlPattern", "*client-config.json*"))));
            browserA.driver().navigate().refresh();
            awaitStoredRoomLoaded(a);
            assertEquals("Marauder MAD-3R", a.call("get", "unit"));
            assertEquals(Boolean.FALSE, a.js("return performance.getEntriesByType('resource')"
                    + ".some(entry => entry.name.indexOf('client-config.json') >= 0)"),
                    "the stored room was shown before the configuration arrived");
            assertNotEquals("CONNECTED", a.state(), "connecting waits for the configuration");

            browserA.driver().executeCdpCommand("Fetch.disable", Map.of());
            a.awaitState("CONNECTED");
        }
    }

    @Test
    void twoTabsOfOneBrowserSyncOverBroadcastChannelAndKeepEverythingOnceAfterReloads() throws Exception {
        try (Chromium browser = Chromium.start()) {
            ProbePage first = open(browser, "tab 1");
            String firstHandle = browser.driver().getWindowHandle();
            String code = first.call("create");
            first.awaitState("CONNECTED");

            browser.driver().switchTo().newWindow(WindowType.TAB);
            String secondHandle = browser.driver().getWindowHandle();
            ProbePage second = new ProbePage(browser.driver(), "tab 2").open(SERVERS.probePage());
            assertEquals(code, second.status().get("room"), "a new tab resumes the profile's last room");
            second.awaitState("CONNECTED");
            second.call("set", "from-tab-2", "two");
            second.call("fill", "50", "100");

            browser.driver().switchTo().window(firstHandle);
            first.awaitValue("from-tab-2", "two");
            first.await("50 items", Duration.ofSeconds(10), () -> Integer.parseInt(first.call("size")) == 51);
            first.call("set", "from-tab-1", "one");
            browser.driver().switchTo().window(secondHandle);
            second.awaitValue("from-tab-1", "one");
            second.await("saved", Duration.ofSeconds(10), () -> Boolean.TRUE.equals(second.status().get("storeIdle")));
            Map<String, Object> stats = second.stats();
            assertEquals(0.0, ((Number) stats.get("reachable")).doubleValue() == 1.0 ? 0.0 : 1.0,
                    "tabs meet over BroadcastChannel, not WebRTC: " + stats);

            browser.driver().navigate().refresh();
            second.awaitReady();
            browser.driver().switchTo().window(firstHandle);
            browser.driver().navigate().refresh();
            first.awaitReady();
            first.await("loaded", Duration.ofSeconds(10), () -> Boolean.TRUE.equals(first.status().get("loaded")));
            assertEquals("52", first.call("size"));
            assertEquals("two", first.call("get", "from-tab-2"));
            assertEquals("one", first.call("get", "from-tab-1"));
        }
    }

    @Test
    void aNewPeerReceivesAFiveThousandItemRoomInMessagesOfAtMost16KiB() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start()) {
            ProbePage a = open(browserA, "A");
            ProbePage b = open(browserB, "B");
            String code = a.call("create");
            a.awaitState("CONNECTED");
            long fillStart = System.nanoTime();
            assertEquals("5000", a.call("fill", "5000", "1000"));
            long fillMillis = (System.nanoTime() - fillStart) / 1_000_000;

            long joinStart = System.nanoTime();
            b.call("join", code);
            b.await("5,000 items", Duration.ofSeconds(60), () -> "5000".equals(b.call("size")));
            long syncMillis = (System.nanoTime() - joinStart) / 1_000_000;
            Map<String, Object> sender = a.stats();
            double largest = ((Number) sender.get("largestMessage")).doubleValue();
            assertTrue(largest <= 16 * 1024 + 64, "largest data-channel message " + largest);
            Object longestTask = b.js("return window.longestTask");
            System.out.println("5,000-item room: filled in " + fillMillis + " ms; new peer had everything after "
                    + syncMillis + " ms; sender sent " + sender.get("bytesSent") + " bytes, largest message "
                    + (long) largest + " B; longest main-thread task on the receiving page " + longestTask + " ms");

            // B's store is compacted to a full state (and the parts that came after it, within the compaction
            // rules); a reload knows the state as the state, not as changes since, so nothing is rewritten
            b.await("saved", Duration.ofSeconds(30), () -> Boolean.TRUE.equals(b.status().get("storeIdle"))
                    && ((Number) b.status().get("stored")).intValue() <= RoomPersistence.COMPACT_AFTER_UPDATES);
            int storedBeside = ((Number) b.status().get("stored")).intValue();
            browserB.driver().navigate().refresh();
            b.awaitReady();
            b.await("loaded", Duration.ofSeconds(30), () -> Boolean.TRUE.equals(b.status().get("loaded")));
            assertEquals("5000", b.call("size"));
            assertEquals(storedBeside, ((Number) b.status().get("stored")).intValue(),
                    "the stored state is recognised after a reload, so it is not rewritten: " + b.status());
        }
    }
}
