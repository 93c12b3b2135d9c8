package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.interop.NodeModulesServer;
import org.vaultsync.interop.ReferencePages;
import org.vaultsync.room.RoomCode;
import org.vaultsync.room.RoomName;
import org.vaultsync.sync.SyncClient;

/**
 * The app as players get it ({@code app.js}, served by our server) and a page running the real yjs 13.6.33 and
 * y-webrtc 10.3.0, in one room. Every other byte-for-byte check of the engine runs a separately compiled program
 * (the JVM, the test probe, the engine-only module); a miscompile that only the whole app's TeaVM build makes would
 * pass them all. Here the shipped engine must write a shared unit that Yjs reads field by field, and read back what
 * Yjs writes: a plain value and characters typed into a {@code Y.Text}, both ways.
 */
class ShippedAppWithRealYjsInChromiumTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();
    @RegisterExtension
    static final ReferencePages REFERENCE = new ReferencePages();

    @Test
    void aUnitSharedByTheShippedAppReadsTheSameInYjsAndYjsEditsComeBackToItsForm() throws Exception {
        try (Chromium app = Chromium.start(); Chromium yjs = Chromium.start()) {
            VaultScreen player = new VaultScreen(app.driver()).open(SERVER.page("#/vault/units/new"));
            player.retype("field-name", "Marauder MAD-3R");
            player.retype("field-tonnage", "75");
            player.retype("field-notes", "Shared notes.");
            player.tabTo("create").sendKeys(Keys.ENTER);
            player.awaitText("#page h1", "Marauder MAD-3R");
            player.tabTo("sync-toggle").sendKeys(Keys.SPACE);
            player.await("sync on", () -> player.text("#item-badge").contains("Pending"));
            String room = RoomCode.generate(new SecureRandomBytes()).value();
            player.driver().executeScript("localStorage.setItem(arguments[0], arguments[1]);", SyncClient.LAST_ROOM_KEY, room);
            player.driver().navigate().refresh();
            player.awaitLoaded();

            ChromeDriver y = yjs.driver();
            String signal = "ws://127.0.0.1:" + SERVER.baseUri().getPort() + "/signal";
            y.get(REFERENCE.server().peerPage(RoomName.PREFIX + room, signal, null));
            String item = "const items = window.peer.doc.getMap('vault-items'); const item = [...items.values()][0];";
            awaitTrue(y, item + " return !!item && item.get('data').get('notes') !== undefined");

            @SuppressWarnings("unchecked")
            Map<String, Object> read = (Map<String, Object>) y.executeScript(item
                    + " const data = item.get('data'); return {name: item.get('name'), type: item.get('type'),"
                    + " tonnage: data.get('tonnage'), notes: data.get('notes').toString(),"
                    + " notesIsText: data.get('notes').constructor.name === 'YText',"
                    + " keys: [...items.keys()].length}");
            assertEquals("Marauder MAD-3R", read.get("name"));
            assertEquals("unit", read.get("type"));
            assertEquals(75L, read.get("tonnage"));
            assertEquals("Shared notes.", read.get("notes"));
            assertEquals(true, read.get("notesIsText"), "notes are a Y.Text, as Yjs sees them");
            assertEquals(1L, read.get("keys"));

            y.executeScript(item + " const data = item.get('data'); window.peer.doc.transact(() => {"
                    + " data.get('notes').insert(0, 'Yjs: '); data.set('tonnage', 80); })");
            player.awaitValue("field-notes", "Yjs: Shared notes.");
            player.awaitValue("field-tonnage", "80");

            player.retype("field-model", "MAD-3R");
            player.tabTo("field-notes").sendKeys(Keys.END, " App.");
            awaitTrue(y, item + " const data = item.get('data'); return data.get('model') === 'MAD-3R'"
                    + " && data.get('notes').toString() === 'Yjs: Shared notes. App.'");
            assertEquals(List.of(), y.executeScript("return window.peer.errors"));
            assertEquals(List.of(), app.consoleErrors());
        }
    }

    private static void awaitTrue(ChromeDriver driver, String script) {
        NodeModulesServer.awaitTrue(driver, script);
    }
}
