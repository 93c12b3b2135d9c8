package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Password rooms with our real pages: WebCrypto keys, wrong-password detection, resuming with the stored key. */
class PasswordRoomsInChromiumTest {
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
    void twoPagesWithThePasswordSyncAndAThirdWithAnotherIsToldWithinFiveSeconds() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start(); Chromium browserC = Chromium.start()) {
            ProbePage a = open(browserA, "A");
            ProbePage b = open(browserB, "B");
            ProbePage c = open(browserC, "C");
            String code = a.call("createWith", "correct horse", "false");
            a.awaitState("CONNECTED");
            b.call("joinWith", code, "correct horse", "false");
            ProbePage.awaitPeers(1, a, b);
            a.call("set", "unit", "Atlas AS7-D");
            b.awaitValue("unit", "Atlas AS7-D");

            c.call("joinWith", code, "battery staple", "false");
            long joined = System.nanoTime();
            c.await("wrong password", Duration.ofSeconds(10), () -> "WRONG_PASSWORD".equals(c.state()));
            long millis = (System.nanoTime() - joined) / 1_000_000;
            assertTrue(millis < 5_000 + 1_000, "told after " + millis + " ms");
            assertEquals("Wrong password for this room", c.status().get("text"));
            a.await("mismatch seen", Duration.ofSeconds(10), () -> a.call("events").contains("password-mismatch"));

            b.call("set", "pilot", "Natasha Kerensky");
            a.awaitValue("pilot", "Natasha Kerensky");
            assertEquals(null, c.call("get", "unit"));
            assertEquals("CONNECTED", a.state());
        }
    }

    @Test
    void aReloadResumesThePasswordRoomWithoutThePasswordWhichIsStoredNowhere() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start()) {
            ProbePage a = open(browserA, "A");
            ProbePage b = open(browserB, "B");
            String code = a.call("createWith", "correct horse", "false");
            b.call("joinWith", code, "correct horse", "false");
            ProbePage.awaitPeers(1, a, b);
            a.call("set", "unit", "Atlas AS7-D");
            b.awaitValue("unit", "Atlas AS7-D");
            a.await("saved", Duration.ofSeconds(10), () -> Boolean.TRUE.equals(a.status().get("storeIdle")));

            browserA.driver().navigate().refresh();
            a.awaitReady();
            a.awaitState("CONNECTED");
            assertEquals(code, a.status().get("room"));
            ProbePage.awaitPeers(1, a, b);
            b.call("set", "after", "reload");
            a.awaitValue("after", "reload");
            assertFalse(a.call("events").contains("password-required"));

            Object found = ((org.openqa.selenium.JavascriptExecutor) browserA.driver()).executeAsyncScript(""
                    + "const done = arguments[arguments.length - 1];"
                    + "const needle = 'correct horse';"
                    + "const bytes = new TextEncoder().encode(needle);"
                    + "const hasBytes = (v) => { const a = v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);"
                    + "  outer: for (let i = 0; i + bytes.length <= a.length; i++) { for (let j = 0; j < bytes.length; j++) if (a[i + j] !== bytes[j]) continue outer; return true; } return false; };"
                    + "const inspect = (v) => typeof v === 'string' ? v.includes(needle)"
                    + "  : (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) ? hasBytes(v)"
                    + "  : (v && typeof v === 'object' && !(v instanceof CryptoKey)) ? Object.values(v).some(inspect) : false;"
                    + "const hits = [];"
                    + "for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); if (inspect(localStorage.getItem(k)) || k.includes(needle)) hits.push('localStorage ' + k); }"
                    + "indexedDB.databases().then(async dbs => {"
                    + "  let keys = 0;"
                    + "  for (const info of dbs) {"
                    + "    const db = await new Promise(r => { const q = indexedDB.open(info.name); q.onsuccess = () => r(q.result); });"
                    + "    for (const store of db.objectStoreNames) {"
                    + "      const values = await new Promise(r => { const q = db.transaction(store).objectStore(store).getAll(); q.onsuccess = () => r(q.result); });"
                    + "      values.forEach(v => { if (v instanceof CryptoKey) { keys++; if (v.extractable) hits.push('extractable key'); } if (inspect(v)) hits.push(info.name + '/' + store); });"
                    + "    }"
                    + "    db.close();"
                    + "  }"
                    + "  done(JSON.stringify({hits, keys}));"
                    + "});");
            assertEquals("{\"hits\":[],\"keys\":1}", found, "one non-extractable key and no password anywhere");
        }
    }
}
