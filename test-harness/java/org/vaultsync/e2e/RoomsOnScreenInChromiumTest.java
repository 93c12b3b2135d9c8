package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The whole sharing journey on the shipped app's screens (the minified build, no test hooks), in two separate
 * Chromium processes (each its own profile) through a real signaling server that tests can stop and start:
 * Settings › Sync, the share link, the vault forms with their Enable Sync switch, the peer list, "Shared by peers"
 * with Open and Import, the status indicator. Everything is done by clicks and typing, as a player would.
 */
class RoomsOnScreenInChromiumTest {
    @RegisterExtension
    static final ProbeServers SERVERS = new ProbeServers(ProbeServers.SHIPPED_APP);

    private static final Pattern CODE = Pattern.compile("[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}");

    @BeforeEach
    void signalingIsUp() throws Exception {
        SERVERS.startSignaling();
    }

    private static AppPage open(Chromium browser, String name, String fragment) {
        AppPage page = new AppPage(browser, name).open(SERVERS.probePage() + fragment);
        page.await("app ready", Duration.ofSeconds(20), () -> !String.valueOf(page.text("#page")).contains("Opening")
                && !String.valueOf(page.text("#page")).contains("Starting sync"));
        return page;
    }

    private static void rename(AppPage page, String name) {
        page.type("display-name", name);
        page.click("save-name");
        page.awaitToast("Peers now see you as " + name);
    }

    /**
     * On a phone the toasts sit above the tab bar, over the page's last control ("Save name"): the page keeps room
     * for them, so scrolled to the end that control is clear of the toasts its own click raised.
     */
    private static void saveNameScrollsClearOfTheToastsOnAPhone(AppPage page) {
        page.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", Screenshots.PHONE, "height", 640, "deviceScaleFactor", 1, "mobile", true));
        try {
            page.js("window.scrollTo(0, document.documentElement.scrollHeight);"); // as a player scrolls to it
            page.click("save-name");
            page.awaitToast("Peers now see you as Alice");
            page.await("Save name clear of the toasts", Duration.ofSeconds(5), () -> Boolean.TRUE.equals(page.js(""
                    + "window.scrollTo(0, document.documentElement.scrollHeight);"
                    + "var button = document.getElementById('save-name').getBoundingClientRect();"
                    + "var toasts = document.getElementById('toasts').getBoundingClientRect();"
                    + "return toasts.height > 0 && button.bottom <= toasts.top;")));
        } finally {
            page.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static String createRoom(AppPage page, String password) {
        page.awaitVisible("create", By.id("create-room"));
        if (password != null) {
            page.type("create-password", password);
        }
        page.click("create-room");
        page.awaitVisible("room code", By.id("room-code"));
        String code = page.text("#room-code");
        assertTrue(CODE.matcher(code).matches(), code);
        return code;
    }

    /**
     * Makes an item on its "New" form (from the list {@code navId}), typing each field, with sync on or off; returns
     * its id, read from the address of the item's page the form turns into.
     */
    private static String newItem(AppPage page, String navId, String name, Map<String, String> fields, boolean sync) {
        page.click(navId);
        page.click("new-item");
        page.type("field-name", name);
        fields.forEach((field, value) -> page.type("field-" + field, value));
        if (sync) {
            page.click("sync-toggle");
        }
        page.click("create");
        page.awaitText("#page h1", name);
        String url = page.driver().getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static void awaitSharedNames(AppPage page, List<String> names) {
        page.await("shared " + names, Duration.ofSeconds(30), () -> page.texts(".shared-name").equals(names));
    }

    private static WebElement sharedRow(AppPage page, String id) {
        return page.find(".shared-item[data-id='" + id + "']");
    }

    /** The browser goes offline (the event the sync client follows) so two players' edits are truly at once. */
    private static void offline(AppPage page, boolean offline) {
        page.js("window.dispatchEvent(new Event(arguments[0]));", offline ? "offline" : "online");
    }

    @Test
    void aFriendOpensTheLinkSeesWhatIsSharedWithItsOwnerAndImportsCopiesThatStayPut() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start()) {
            AppPage a = open(browserA, "A", "#/settings/sync");
            a.allowClipboard(SERVERS.probePage());
            rename(a, "Alice");
            String code = createRoom(a, null);
            a.awaitStatus("Connected · Waiting for peers");
            assertEquals(List.of("Alice (you)"), a.texts("#peer-list li"));
            Screenshots.both(a.driver(), "sync-alone");
            saveNameScrollsClearOfTheToastsOnAPhone(a);

            a.click("share-room");
            a.awaitVisible("QR code", By.id("share-qr"));
            assertTrue(a.find("#share-qr").getAttribute("src").startsWith("data:image/svg+xml,"));
            a.click("copy-link");
            a.awaitToast("Link copied");
            String link = a.clipboard();
            assertEquals(SERVERS.probePage() + "#/join/" + code, link);
            Screenshots.both(a.driver(), "share-dialog");
            a.press(Keys.ESCAPE);
            a.await("dialog closed", Duration.ofSeconds(5), () -> a.all("#share-dialog").isEmpty());

            AppPage b = open(browserB, "B", "#/settings/sync");
            rename(b, "Bram");
            b.driver().get(link);
            b.awaitText("#page h1", "Join room " + code);
            b.click("join-linked-room");
            b.awaitText("#room-code", code);
            b.await("two in the room", Duration.ofSeconds(30),
                    () -> b.texts("#peer-list li").equals(List.of("Bram (you)", "Alice")));
            a.await("two in the room", Duration.ofSeconds(30),
                    () -> a.texts("#peer-list li").equals(List.of("Alice (you)", "Bram")));
            a.awaitToast("Bram joined the room");
            a.awaitStatus("Connected · 1 peer");
            Screenshots.both(a.driver(), "sync-with-peers");
            Screenshots.bothDark(a.driver(), "sync-with-peers");

            // A makes a unit, a pilot and a force on the vault's forms with sync on, and one unit kept private
            String atlas = newItem(a, "nav-units", "Atlas AS7-D", Map.of("chassis", "Atlas", "model", "AS7-D",
                    "tonnage", "100"), true);
            newItem(a, "nav-pilots", "Natasha Kerensky", Map.of("callsign", "Black Widow"), true);
            newItem(a, "nav-forces", "Black Widow Company", Map.of(), true);
            a.find("#slot-1-pilot").sendKeys(Keys.ARROW_DOWN); // "No pilot" → the only pilot
            a.await("the pilot assigned", Duration.ofSeconds(10), () -> a.text("#total-gunnery").matches("\\d\\.\\d"));
            a.find("#slot-1-unit").sendKeys(Keys.ARROW_DOWN); // "No unit" → the only unit
            a.awaitText("#total-assigned", "1 pilot, 1 unit");
            String kept = newItem(a, "nav-units", "Kept at home", Map.of(), false);

            b.click("nav-shared");
            awaitSharedNames(b, List.of("Atlas AS7-D", "Natasha Kerensky", "Black Widow Company"));
            assertEquals(List.of("Shared by Alice", "Shared by Alice", "Shared by Alice"), b.texts(".owner"));
            b.click("filter-unit");
            awaitSharedNames(b, List.of("Atlas AS7-D"));
            b.click("filter-force");
            awaitSharedNames(b, List.of("Black Widow Company"));
            b.find(".shared-item .view").click();
            b.await("comes with it", Duration.ofSeconds(10), () -> b.texts(".comes-with li").equals(List.of(
                    "Slot 1 Natasha Kerensky (comes with it) · Atlas AS7-D (comes with it)")));
            b.find(".shared-item .import").click();
            b.awaitToast("Imported Black Widow Company into your vault, with 1 pilot and 1 unit");
            b.click("filter-all");
            awaitSharedNames(b, List.of("Atlas AS7-D", "Natasha Kerensky", "Black Widow Company"));
            b.await("marked as in the vault", Duration.ofSeconds(10), () -> b.all(".in-vault").size() == 3);
            Screenshots.both(b.driver(), "shared-by-peers");

            b.click("nav-units");
            b.await("the copy in B's units", Duration.ofSeconds(10),
                    () -> b.texts(".item-name").equals(List.of("Atlas AS7-D")));
            String copyHref = b.find(".item-name").getAttribute("href");
            assertFalse(copyHref.endsWith("/" + atlas), "an import is a copy with its own id: " + copyHref);

            // both edit the shared unit at once (B through Open on Shared by peers), different fields: both survive
            b.click("nav-shared");
            awaitSharedNames(b, List.of("Atlas AS7-D", "Natasha Kerensky", "Black Widow Company"));
            sharedRow(b, atlas).findElement(By.cssSelector(".open")).click();
            b.awaitText("#page h1", "Atlas AS7-D");
            assertTrue(b.text("#peer-notice").startsWith("Shared by Alice"), b.text("#peer-notice"));
            a.click("nav-units");
            a.find(".item-row a[href$='/" + atlas + "']").click();
            a.awaitText("#page h1", "Atlas AS7-D");
            offline(b, true);
            a.retype("field-walk", "3");
            b.retype("field-notes", "Bram: left arm jams");
            offline(b, false);
            for (AppPage player : List.of(a, b)) {
                player.awaitValue("field-walk", "3");
                player.awaitValue("field-notes", "Bram: left arm jams");
            }

            // the owner edits, then stops sharing: the copy in B's vault stays exactly as imported
            b.click("nav-shared");
            a.retype("field-name", "Atlas AS7-K");
            a.retype("field-model", "AS7-K");
            awaitSharedNames(b, List.of("Atlas AS7-K", "Natasha Kerensky", "Black Widow Company"));
            a.click("sync-toggle");
            awaitSharedNames(b, List.of("Natasha Kerensky", "Black Widow Company"));
            b.click("nav-units");
            b.await("only the copy", Duration.ofSeconds(10), () -> b.texts(".item-name").equals(List.of("Atlas AS7-D")));
            b.find(".item-name").click();
            b.awaitText("#page h1", "Atlas AS7-D");
            assertEquals("AS7-D", b.find("#field-model").getAttribute("value"));
            assertEquals("", b.find("#field-notes").getAttribute("value"), "B's edit of the original is not in the copy");

            // A shares the unit kept at home so far; B takes everything not yet in its vault in one go
            a.click("nav-units");
            a.find(".item-row a[href$='/" + kept + "']").click();
            a.awaitText("#page h1", "Kept at home");
            a.click("sync-toggle");
            b.click("nav-shared");
            awaitSharedNames(b, List.of("Natasha Kerensky", "Black Widow Company", "Kept at home"));
            b.awaitText("#import-all", "Import all 1 item");
            b.click("import-all");
            b.awaitToast("Imported 1 item from peers");
            b.await("all in the vault", Duration.ofSeconds(10), () -> b.all(".in-vault").size() == 3
                    && b.all("#import-all").isEmpty());

            b.click("nav-sync");
            b.click("leave-room");
            a.awaitToast("Bram left the room");
            a.click("nav-sync");
            a.await("alone again", Duration.ofSeconds(30), () -> a.texts("#peer-list li").equals(List.of("Alice (you)")));
            assertEquals(List.of(), browserA.consoleErrors());
            assertEquals(List.of(), browserB.consoleErrors());
        }
    }

    @Test
    void aPasswordRoomsLinkAsksForThePasswordAndAWrongOneIsToldPlainly() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start()) {
            AppPage a = open(browserA, "A", "#/settings/sync");
            String code = createRoom(a, "correct horse");
            a.awaitStatus("Connected · Waiting for peers");
            a.click("share-room");
            String link = a.find("#share-link").getAttribute("value");
            assertEquals(SERVERS.probePage() + "#/join/" + code, link, "the password never travels in the link");

            AppPage b = open(browserB, "B", "#/settings/sync");
            b.driver().get(link);
            b.awaitText("#page h1", "Join room " + code);
            b.type("link-password", "battery staple");
            b.click("join-linked-room");
            b.awaitStatus("Wrong password for this room");
            assertEquals("wrong_password", b.statusState());
            b.awaitVisible("password again", By.id("retry-password"));

            b.type("retry-password", "correct horse");
            b.click("retry-with-password");
            b.awaitStatus("Connected · 1 peer");
            a.awaitStatus("Connected · 1 peer");
        }
    }

    @Test
    void theStatusIndicatorCountsDownWhileRetryingThenGivesUpAfterFiveAttemptsAndRetryWorks() throws Exception {
        try (Chromium browser = Chromium.start()) {
            AppPage a = open(browser, "A", "#/settings/sync");
            createRoom(a, null);
            a.awaitStatus("Connected · Waiting for peers");

            SERVERS.stopSignaling();
            Pattern retrying = Pattern.compile("Retrying: attempt (\\d) of 5, next in (\\d+)s");
            String[] first = new String[2]; // the attempt and the seconds of the countdown first seen
            a.await("a countdown", Duration.ofSeconds(60), () -> {
                Matcher seen = retrying.matcher(String.valueOf(a.status()));
                if (seen.matches() && Integer.parseInt(seen.group(2)) >= 2) {
                    first[0] = seen.group(1);
                    first[1] = seen.group(2);
                    return true;
                }
                return false;
            });
            int attempt = Integer.parseInt(first[0]);
            int seconds = Integer.parseInt(first[1]);
            // On a loaded machine the next attempt may come first: that is the indicator moving too. The state is
            // read in the same check: read after it, an attempt starting in between showed "connecting" (seen once
            // under load 14-21).
            a.await("the countdown moves", Duration.ofSeconds(20), () -> {
                Matcher now = retrying.matcher(String.valueOf(a.status()));
                return now.matches() && (Integer.parseInt(now.group(1)) > attempt
                        || Integer.parseInt(now.group(1)) == attempt && Integer.parseInt(now.group(2)) < seconds)
                        && "retrying".equals(a.statusState());
            });
            Screenshots.both(a.driver(), "sync-retrying"); // after the checks: two captures take seconds here

            SERVERS.startSignaling();
            a.awaitState("connected", Duration.ofSeconds(40));

            SERVERS.stopSignaling();
            a.awaitState("error", Duration.ofSeconds(120));
            assertEquals("Connection failed after 5 attempts. Please try again.", a.status());
            assertTrue(a.find("#status-retry").isDisplayed());
            Screenshots.both(a.driver(), "sync-error");

            SERVERS.startSignaling();
            a.click("status-retry");
            a.awaitState("connected", Duration.ofSeconds(30));
            assertFalse(a.all("#status-retry").stream().anyMatch(e -> e.isDisplayed()));
        }
    }

    /**
     * After a reload the app reads the last room's records while the vault opens (not after it), and the client
     * takes that read: the room's database is opened once before its records arrive, not a second time.
     */
    @Test
    void theSyncScreenMakesWebRtcReadyBeforeThePlayerCreatesOrJoins() throws Exception {
        try (Chromium browser = Chromium.start()) {
            browser.countPeerConnections();
            AppPage a = open(browser, "A", "#/");
            assertEquals(0, browser.madeConnections(), "a player who only uses the vault gets none");

            a.js("location.hash = '#/settings/sync'");
            a.await("WebRTC made ready on the sync screen", Duration.ofSeconds(10),
                    () -> browser.madeConnections() == 1);
            createRoom(a, null);
            a.awaitStatus("Connected · Waiting for peers");
            assertEquals(1, browser.madeConnections(), "the room took the one made ahead");
        }
    }

    @Test
    void aReloadReadsTheLastRoomWhileTheVaultOpensAndOpensItsDatabaseOnce() throws Exception {
        try (Chromium browser = Chromium.start()) {
            AppPage a = open(browser, "A", "#/settings/sync");
            String code = createRoom(a, null);
            a.awaitStatus("Connected · Waiting for peers");
            String roomDb = "vault-sync/" + code.replace("-", "");

            // every database open and getAll of the next page, in order, from before its first script
            a.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ""
                    + "window.idbLog = [];"
                    + "var openDb = IDBFactory.prototype.open;"
                    + "IDBFactory.prototype.open = function(name) {"
                    + "  window.idbLog.push('open ' + name); return openDb.apply(this, arguments); };"
                    + "var getAll = IDBObjectStore.prototype.getAll;"
                    + "IDBObjectStore.prototype.getAll = function() {"
                    + "  var name = this.transaction.db.name; window.idbLog.push('read ' + name);"
                    + "  var request = getAll.apply(this, arguments);"
                    + "  request.addEventListener('success', function() { window.idbLog.push('got ' + name); });"
                    + "  return request; };"));
            a.driver().navigate().refresh();
            a.awaitVisible("room code", By.id("room-code"));
            assertEquals(code, a.text("#room-code"), "the last room resumes");
            a.await("the room's records read", Duration.ofSeconds(20),
                    () -> String.valueOf(a.js("return window.idbLog")).contains("got " + roomDb));

            @SuppressWarnings("unchecked")
            List<String> log = (List<String>) a.js("return window.idbLog");
            int roomRead = log.indexOf("read " + roomDb);
            int vaultRead = log.indexOf("got vault-sync-vault");
            assertTrue(roomRead >= 0 && vaultRead >= 0 && roomRead < vaultRead,
                    "the room is read while the vault is still being read: " + log);
            List<String> beforeRoomArrived = log.subList(0, log.indexOf("got " + roomDb));
            assertEquals(1, beforeRoomArrived.stream().filter(("open " + roomDb)::equals).count(),
                    "the client took the database read ahead: " + log);
            a.awaitStatus("Connected · Waiting for peers");
        }
    }
}
