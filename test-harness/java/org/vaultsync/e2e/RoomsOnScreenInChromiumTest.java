package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.vaultsync.json.Json;

/**
 * Settings › Sync, the share link, the peer list, "Shared by peers" and the status indicator, in two separate
 * Chromium processes (each its own profile) through a real signaling server that tests can stop and start. The page
 * is the real app; only its test build adds {@code window.probe.vault*} so a player's unit can be created and
 * shared before the vault screens exist (see pom.xml, app-test-hooks).
 */
class RoomsOnScreenInChromiumTest {
    @RegisterExtension
    static final ProbeServers SERVERS = new ProbeServers(ProbeServers.APP_WITH_TEST_HOOKS);

    private static final Pattern CODE = Pattern.compile("[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}");

    @BeforeEach
    void signalingIsUp() throws Exception {
        SERVERS.startSignaling();
    }

    private static AppPage open(Chromium browser, String name, String fragment) {
        AppPage page = new AppPage(browser, name).open(SERVERS.probePage() + fragment);
        page.await("vault open", Duration.ofSeconds(20), () -> "true".equals(page.js(
                "return window.probe && window.probe.vaultOpen ? window.probe.vaultOpen() : 'false'")));
        return page;
    }

    private static void rename(AppPage page, String name) {
        page.type("display-name", name);
        page.click("save-name");
        page.awaitToast("Peers now see you as " + name);
    }

    private static String createRoom(AppPage page, String password) {
        page.awaitVisible("create", org.openqa.selenium.By.id("create-room"));
        if (password != null) {
            page.type("create-password", password);
        }
        page.click("create-room");
        page.awaitVisible("room code", org.openqa.selenium.By.id("room-code"));
        String code = page.text("#room-code");
        assertTrue(CODE.matcher(code).matches(), code);
        return code;
    }

    private static String call(AppPage page, String function, Object... args) {
        StringBuilder script = new StringBuilder("return window.probe." + function + "(");
        for (int i = 0; i < args.length; i++) {
            script.append(i == 0 ? "" : ", ").append("arguments[").append(i).append("]");
        }
        Object result = page.js(script.append(");").toString(), args);
        return result == null ? null : result.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> vaultItems(AppPage page) throws Exception {
        return (List<Map<String, Object>>) (List<?>) Json.parse(call(page, "vaultItems"));
    }

    private static Map<String, Object> itemNamed(AppPage page, String name) throws Exception {
        for (Map<String, Object> item : vaultItems(page)) {
            if (name.equals(item.get("name"))) {
                return item;
            }
        }
        return null;
    }

    private static Map<String, Object> itemById(AppPage page, String id) {
        try {
            for (Map<String, Object> item : vaultItems(page)) {
                if (id.equals(item.get("id"))) {
                    return item;
                }
            }
            return Map.of("data", Map.of());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sharedById(AppPage page, String id) {
        try {
            for (Object item : (List<?>) Json.parse(call(page, "roomShared"))) {
                if (id.equals(((Map<?, ?>) item).get("id"))) {
                    return (Map<String, Object>) item;
                }
            }
            return Map.of("data", Map.of());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitSharedNames(AppPage page, List<String> names) {
        page.await("shared " + names, Duration.ofSeconds(30), () -> page.texts(".shared-name").equals(names));
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

            a.click("share-room");
            a.awaitVisible("QR code", org.openqa.selenium.By.id("share-qr"));
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

            // A shares a unit, a pilot and a force with both of them in it
            String atlas = call(a, "vaultAdd", "{\"type\":\"unit\",\"name\":\"Atlas AS7-D\",\"syncEnabled\":true,"
                    + "\"data\":{\"chassis\":\"Atlas\",\"model\":\"AS7-D\",\"tonnage\":100}}");
            String natasha = call(a, "vaultAdd", "{\"type\":\"pilot\",\"name\":\"Natasha Kerensky\","
                    + "\"syncEnabled\":true,\"data\":{\"callsign\":\"Black Widow\",\"gunnery\":2,\"piloting\":3}}");
            call(a, "vaultAdd", "{\"type\":\"force\",\"name\":\"Black Widow Company\",\"syncEnabled\":true,"
                    + "\"data\":{\"forceType\":\"lance\",\"assignments\":[{\"slot\":1,\"position\":\"lead\","
                    + "\"pilotId\":\"" + natasha + "\",\"unitId\":\"" + atlas + "\"}]}}");
            call(a, "vaultAdd", "{\"type\":\"unit\",\"name\":\"Kept at home\",\"data\":{}}");

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

            Map<String, Object> copy = itemNamed(b, "Atlas AS7-D");
            assertNotEquals(atlas, copy.get("id"), "an import is a copy with its own id");
            assertEquals(3, vaultItems(b).size(), "the force came over with its pilot and unit; A's private unit did not");

            // both edit the shared unit at once, different fields: both edits survive on both sides
            assertEquals("", call(b, "roomEdit", atlas, "{\"notes\":\"Bram: left arm jams\"}"));
            assertEquals("true", call(a, "vaultUpdate", atlas, "{\"walk\":3}"));
            a.await("both edits at the owner", Duration.ofSeconds(30), () -> {
                Map<?, ?> data = (Map<?, ?>) itemById(a, atlas).get("data");
                return "Bram: left arm jams".equals(data.get("notes")) && Double.valueOf(3).equals(data.get("walk"));
            });
            b.await("both edits at the peer", Duration.ofSeconds(30), () -> {
                Map<?, ?> data = (Map<?, ?>) sharedById(b, atlas).get("data");
                return "Bram: left arm jams".equals(data.get("notes")) && Double.valueOf(3).equals(data.get("walk"));
            });

            // the owner edits, then stops sharing: the copy in B's vault stays exactly as imported
            call(a, "vaultUpdate", atlas, "{\"name\":\"Atlas AS7-K\",\"model\":\"AS7-K\"}");
            awaitSharedNames(b, List.of("Atlas AS7-K", "Natasha Kerensky", "Black Widow Company"));
            call(a, "vaultToggle", atlas, "false");
            awaitSharedNames(b, List.of("Natasha Kerensky", "Black Widow Company"));
            Map<String, Object> after = itemNamed(b, "Atlas AS7-D");
            assertEquals(copy.get("id"), after.get("id"));
            assertEquals("AS7-D", ((Map<?, ?>) after.get("data")).get("model"));
            assertEquals(null, itemNamed(b, "Atlas AS7-K"));

            b.click("nav-sync");
            b.click("leave-room");
            a.awaitToast("Bram left the room");
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

            AppPage b = open(browserB, "B", "");
            b.driver().get(link);
            b.awaitText("#page h1", "Join room " + code);
            b.type("link-password", "battery staple");
            b.click("join-linked-room");
            b.awaitStatus("Wrong password for this room");
            assertEquals("wrong_password", b.statusState());
            b.awaitVisible("password again", org.openqa.selenium.By.id("retry-password"));

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
            a.await("a countdown", Duration.ofSeconds(60), () -> {
                Matcher first = retrying.matcher(String.valueOf(a.status()));
                return first.matches() && Integer.parseInt(first.group(2)) >= 2;
            });
            Matcher first = retrying.matcher(a.status());
            assertTrue(first.matches());
            int attempt = Integer.parseInt(first.group(1));
            int seconds = Integer.parseInt(first.group(2));
            // On a loaded machine the next attempt may come first: that is the indicator moving too.
            a.await("the countdown moves", Duration.ofSeconds(5), () -> {
                Matcher now = retrying.matcher(String.valueOf(a.status()));
                return now.matches() && (Integer.parseInt(now.group(1)) > attempt
                        || Integer.parseInt(now.group(1)) == attempt && Integer.parseInt(now.group(2)) < seconds);
            });
            assertEquals("retrying", a.statusState());
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
}
