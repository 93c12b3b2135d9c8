package org.vaultsync.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vaultsync.e2e.Chromium;
import org.vaultsync.e2e.ProbeServers;
import org.vaultsync.interop.NodeModulesServer;
import org.vaultsync.room.RoomName;

/** One page of either stack in {@link BrowserSyncBench}, behind the same few operations. */
final class BenchPage {
    /** Where the pages come from: our probe page and signaling server, the reference modules' server. */
    record Sites(ProbeServers servers, NodeModulesServer modules, boolean referenceStores) {
    }

    final BenchStack stack;
    final Chromium browser;
    final ChromeDriver driver;
    /** Profile the join ({@code --profile}): sampling starts right before the page joins. */
    boolean profiling;
    /** This page's CPU by process type before it loaded, and once loaded right before it joined. */
    Map<Integer, ProcessCpu.Sample> cpuBeforeLoad = Map.of();
    Map<Integer, ProcessCpu.Sample> cpuLoaded = Map.of();
    private final Sites sites;

    BenchPage(BenchStack stack, Sites sites) throws Exception {
        this.stack = stack;
        this.sites = sites;
        this.browser = Chromium.start();
        this.driver = browser.driver();
        PageTimeline.install(driver);
    }

    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Opens the page, ready to join (theirs: the provider is created on join). */
    void open() {
        if (stack == BenchStack.OURS) {
            driver.get(sites.servers().probePage());
            BrowserSyncBench.await("probe ready", () -> Boolean.TRUE.equals(js("return !!(window.probe && window.probe.ready)")));
        }
    }

    /** Joins room {@code code} (a new room when null) in the opened page; returns the code. */
    String enter(String code) {
        if (stack == BenchStack.OURS) {
            if (profiling) {
                startProfile();
            }
            cpuLoaded = ProcessCpu.snapshot(browser.profile());
            js("window.__resetTimeline()");
            return code == null ? (String) js("return window.probe.create()") : (String) js("return window.probe.join('" + code + "')");
        }
        String room = code == null ? "BENCH" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT) : code;
        driver.get(sites.modules().base().resolve("/peer.html?defer=1&room=" + RoomName.PREFIX + room + "&signal="
                + sites.servers().signalingUrl()).toString());
        BrowserSyncBench.await("peer page", () -> Boolean.TRUE.equals(js("return !!window.peer")));
        if (profiling) {
            startProfile();
        }
        cpuLoaded = ProcessCpu.snapshot(browser.profile());
        // the whole earlier stack, as ours: every update of the room is stored (y-indexeddb beside y-webrtc),
        // unless --y-webrtc-without-storage (the comparison before 2026-11-30's third session)
        js("window.__resetTimeline();" + (sites.referenceStores()
                ? " window.peer.persist('bench-' + Math.random().toString(36).slice(2));" : "")
                + " window.peer.connect()");
        return room;
    }

    String join(String code) {
        cpuBeforeLoad = ProcessCpu.snapshot(browser.profile());
        open();
        return enter(code);
    }

    /** Starts sampling this page's JavaScript every 100 µs through DevTools. */
    void startProfile() {
        driver.executeCdpCommand("Profiler.enable", Map.of());
        driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 100));
        driver.executeCdpCommand("Profiler.start", Map.of());
    }

    void saveProfile(java.nio.file.Path file) throws Exception {
        Object profile = driver.executeCdpCommand("Profiler.stop", Map.of()).get("profile");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, org.vaultsync.json.Json.stringify(profile));
        System.out.println("profile: " + file);
    }

    int peers() {
        Object count = stack == BenchStack.OURS ? js("return window.peerCount || 0")
                : js("return Array.from(window.peer.provider.room.webrtcConns.values()).filter(conn => conn.connected).length");
        return ((Number) count).intValue();
    }

    /**
     * Makes {@code count} edits in the page, one every {@code gapMillis} (PageTimeline's {@code __editRun}), and
     * returns when each was made and when its data-channel message went out (in-page wall clock). Nothing from
     * the harness runs in either page meanwhile: one DevTools call that the page answers when the run is done.
     */
    double[][] editRun(int count, int gapMillis) {
        Object times = evaluateAwaiting("window.__editRun(" + count + ", " + gapMillis + ")");
        List<?> both = (List<?>) times;
        return new double[][] {BrowserSyncBench.numbers((List<?>) both.get(0), count), BrowserSyncBench.numbers((List<?>) both.get(1), count)};
    }

    /** When each of the edits {@code lat-0 ... lat-(count-1)} arrived here (in-page wall clock), once all have. */
    double[] awaitArrivals(int count) {
        return BrowserSyncBench.numbers((List<?>) evaluateAwaiting("window.__whenAllArrived(" + count + ")"), count);
    }

    /** When the data-channel message that brought each edit started to be handled (PageTimeline). */
    double[] receivedAt(int count) {
        Object starts = js("const starts = " + (stack == BenchStack.OURS ? "window.recvStarts || {}" : "window.peer.recvStarts")
                + "; return Array.from({length: " + count + "}, (_, i) => starts['lat-' + i] || 0)");
        return BrowserSyncBench.numbers((List<?>) starts, count);
    }

    /** Bytes this page has handed to its data channels (PageTimeline), every message included. */
    double channelBytes() {
        return ((Number) js("return window.__channelBytes || 0")).doubleValue();
    }

    double largestChannelMessage() {
        return ((Number) js("return window.__largestChannelMessage || 0")).doubleValue();
    }

    /** The value of a promise, awaited by the browser: no polling, the page's thread stays free. */
    Object evaluateAwaiting(String expression) {
        Map<String, Object> reply = driver.executeCdpCommand("Runtime.evaluate", Map.of(
                "expression", expression, "awaitPromise", true, "returnByValue", true));
        if (reply.get("exceptionDetails") != null) {
            throw new IllegalStateException(expression + " failed: " + reply.get("exceptionDetails"));
        }
        return ((Map<?, ?>) reply.get("result")).get("value");
    }

    /** Milliseconds from join to each step of {@link PageTimeline#STEPS} this page went through in room {@code code}. */
    Map<String, Double> timeline(String code) throws Exception {
        Map<String, Double> steps = new java.util.LinkedHashMap<>();
        double joinAt = ((Number) js(stack == BenchStack.OURS ? "return window.joinAt" : "return window.peer.joinAt"))
                .doubleValue();
        for (String step : PageTimeline.STEPS) {
            Object at = js("return window.__timeline['" + step + "'] || null");
            if (at != null) {
                steps.put(step, ((Number) at).doubleValue() - joinAt);
            }
        }
        if (stack == BenchStack.OURS) {
            // the room's IndexedDB database on the way to its stored state (ours only)
            String db = RoomName.of(org.vaultsync.room.RoomCode.parse(code));
            for (String step : PageTimeline.STORAGE_STEPS) {
                Object at = js("return window.__timeline['" + step + ":" + db + "'] || null");
                if (at != null) {
                    steps.put("room " + step, ((Number) at).doubleValue() - joinAt);
                }
            }
            steps.put("storedStateApplied", ((Number) js("return window.loadedAt - window.joinAt")).doubleValue());
        }
        double firstPeer = firstConnectionMillis();
        if (firstPeer >= 0) {
            steps.put("peerReported", firstPeer); // ours: its awareness arrived; y-webrtc: simple-peer 'connect'
        }
        return steps;
    }

    /** When this page first had {@code peers} peers (wall clock, as the join stamps), or NaN. */
    double reachedPeersAt(int peers) {
        Object value = stack == BenchStack.OURS ? js("return (window.peerCountAt || {})[" + peers + "] || null")
                : js("return window.peer.peerCountAt[" + peers + "] || null");
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    double joinedAt() {
        return ((Number) js(stack == BenchStack.OURS ? "return window.joinAt" : "return window.peer.joinAt")).doubleValue();
    }

    double firstConnectionMillis() {
        Object value = stack == BenchStack.OURS ? js("return window.firstPeerAt ? window.firstPeerAt - window.joinAt : -1")
                : js("return window.peer.firstPeerAt ? window.peer.firstPeerAt - window.peer.joinAt : -1");
        return ((Number) value).doubleValue();
    }

    int size() {
        Object size = stack == BenchStack.OURS ? js("return Number(window.probe.size())") : js("return window.peer.map.size");
        return ((Number) size).intValue();
    }

    void fill(int count) {
        if (stack == BenchStack.OURS) {
            js("window.probe.fill('" + count + "', '1000')");
        } else {
            js("let body = ''; while (body.length < 1000) body += 'Atlas AS7-D 100t assault; '; body = body.substring(0, 1000);"
                    + "for (let i = 0; i < " + count + "; i++) { const key = 'item-' + i;"
                    + "  window.peer.doc.transact(() => window.peer.map.set(key, key + ':' + body)); }");
        }
    }

    void close() {
        browser.close();
    }
}
