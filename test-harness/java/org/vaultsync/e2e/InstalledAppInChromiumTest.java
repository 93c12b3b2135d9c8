package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;

/**
 * The shipped app (the real build, no test hooks) as a player meets it: installable as a PWA, starting with the
 * network off after one visit, telling when a new version is ready, and usable with the keyboard alone.
 */
class InstalledAppInChromiumTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    /**
     * One online visit installs the app; it then starts with the network off. When the server's web app changes
     * (a new service-worker version: a hash of the web app's files) and the network is back, the open page hears of
     * it, says "A new version of Vault Sync is ready", and Reload brings the new version in.
     */
    @Test
    void chromeFindsNothingMissingToInstallTheAppItStartsOfflineAfterOneVisitAndTellsWhenANewVersionIsReady()
            throws Exception {
        Path webApp = copyOfTheShippedApp();
        VaultSyncServer server = VaultSyncServer.start(new ServerConfig(ServerConfig.LOOPBACK, 0),
                WebAppAssets.fromDirectory(webApp));
        int port = server.baseUri().getPort();
        try (Chromium browser = Chromium.start()) {
            AppPage page = new AppPage(browser, "installed").open(server.baseUri().resolve("/").toString());
            page.awaitText("#page h1", "Units");
            page.await("service worker in control", Duration.ofSeconds(30),
                    () -> Boolean.TRUE.equals(page.js("return !!navigator.serviceWorker.controller")));
            Map<String, Object> installability = page.driver().executeCdpCommand("Page.getInstallabilityErrors", Map.of());
            assertEquals(List.of(), installability.get("installabilityErrors"), installability.toString());
            Map<String, Object> manifest = page.driver().executeCdpCommand("Page.getAppManifest", Map.of());
            assertEquals(List.of(), manifest.get("errors"), manifest.toString());
            String firstWorker = workerScript(page);

            server.stop(); // the origin is gone, and the browser believes it is offline too
            page.driver().executeCdpCommand("Network.enable", Map.of());
            network(page, false);
            page.driver().navigate().refresh();
            page.awaitText("#page h1", "Units");
            page.click("nav-sync");
            page.click("create-room");
            page.awaitVisible("room code", By.id("room-code"));
            page.awaitStatus("Offline: changes are kept and will sync");
            assertEquals("offline", page.statusState());
            browser.consoleErrors(); // offline, the client configuration could not load: expected, and said in the log


            // a new version of the web app on the same origin; the page, still open, gets its network back
            Path index = webApp.resolve("index.html");
            Files.writeString(index, Files.readString(index).replace("<head>",
                    "<head>\n  <meta name=\"vault-sync-build\" content=\"the next version\">"));
            server = VaultSyncServer.start(new ServerConfig(ServerConfig.LOOPBACK, port), WebAppAssets.fromDirectory(webApp));
            network(page, true);
            page.awaitToast("A new version of Vault Sync is ready");
            assertEquals(0L, page.js("return document.getElementsByName('vault-sync-build').length"),
                    "the running version stays until the player says so");
            page.driver().findElement(By.cssSelector(".toast .toast-action")).click();
            page.await("the new version running", Duration.ofSeconds(30), () -> {
                try {
                    return Long.valueOf(1).equals(page.js("return document.getElementsByName('vault-sync-build').length"));
                } catch (org.openqa.selenium.WebDriverException reloading) {
                    return false;
                }
            });
            page.awaitVisible("page h1", By.cssSelector("#page h1"));
            assertNotEquals(firstWorker, workerScript(page), "a new service worker controls the page");
            assertEquals(List.of(), browser.consoleErrors());
        } finally {
            server.stop();
            deleteTree(webApp);
        }
    }

    /** The version of the service worker controlling the page (the server writes it into the script). */
    private static String workerScript(AppPage page) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) page.driver()).executeAsyncScript(""
                + "var done = arguments[arguments.length - 1];"
                + "fetch('sw.js', {cache: 'no-store'}).then(r => r.text()).then(t => done(t.match(/VERSION = '([^']*)'/)[1]),"
                + "  e => done('error: ' + e));"));
    }

    private static void network(AppPage page, boolean online) {
        page.driver().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online,
                "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The web app this build compiled, in a folder of its own that the test may change. */
    private static Path copyOfTheShippedApp() throws IOException {
        Path from = ProbeServers.SHIPPED_APP;
        Path to = Files.createTempDirectory("vault-sync-webapp");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void keyboardAloneCreatesARoomCopiesItsLinkLeavesAndJoinsByCode() throws Exception {
        try (Chromium browser = Chromium.start()) {
            AppPage page = new AppPage(browser, "keyboard").open(SERVER.page("#/settings/sync"));
            page.allowClipboard(SERVER.page(""));
            page.awaitVisible("create", By.id("create-room"));
            page.tabTo("create-room");
            page.press(Keys.ENTER);
            page.awaitVisible("room code", By.id("room-code"));
            String code = page.text("#room-code");
            page.awaitStatus("Connected · Waiting for peers");

            page.tabTo("share-room");
            page.press(Keys.ENTER);
            page.await("focus on Copy link", Duration.ofSeconds(5), () -> "copy-link".equals(page.activeId()));
            page.press(Keys.ENTER);
            page.awaitToast("Link copied");
            assertEquals(SERVER.page("#/join/" + code), page.clipboard());
            page.press(Keys.ESCAPE);
            page.await("dialog closed, focus back", Duration.ofSeconds(5),
                    () -> page.all("#share-dialog").isEmpty() && "share-room".equals(page.activeId()));

            page.tabTo("leave-room");
            page.press(Keys.ENTER);
            page.awaitStatus("Not in a room");

            String bare = code.replace("-", "");
            page.tabTo("join-code");
            page.press(bare.substring(0, 4).toLowerCase());
            page.await("formatted as typed", Duration.ofSeconds(5),
                    () -> code.substring(0, 5).equals(page.find("#join-code").getAttribute("value")));
            page.press(bare.substring(4).toLowerCase() + "q");
            page.press(Keys.ENTER);
            page.awaitText("#join-error", "Room code must be 6 characters");
            assertEquals("join-code", page.activeId(), "focus goes back to the field to fix");
            page.press(Keys.BACK_SPACE);
            page.press(Keys.ENTER);
            page.awaitText("#room-code", code);
            page.awaitStatus("Connected · Waiting for peers");
            assertTrue(browser.consoleErrors().isEmpty(), browser.consoleErrors().toString());
        }
    }

    @Test
    void openingAnotherRoomsLinkAsksBeforeLeavingTheCurrentOne() throws Exception {
        try (Chromium browser = Chromium.start()) {
            AppPage page = new AppPage(browser, "switching").open(SERVER.page("#/settings/sync"));
            page.click("create-room");
            page.awaitVisible("room code", By.id("room-code"));
            String current = page.text("#room-code");
            String other = current.startsWith("ABC") ? "XYZ-UVW" : "ABC-DEF";

            page.driver().get(SERVER.page("#/join/" + other));
            page.awaitText("#page h1", "Join room " + other);
            assertEquals("You are in room " + current + ". Joining leaves it.", page.text("#join-leaves"));
            page.click("join-linked-room");
            page.awaitText("#switch-question", "You are in room " + current + ". Leave it and join " + other + "?");
            page.click("cancel-switch");
            page.await("question gone", Duration.ofSeconds(5), () -> page.all("#switch-question").isEmpty());
            page.click("nav-sync");
            page.awaitText("#room-code", current);

            page.driver().get(SERVER.page("#/join/" + other));
            page.click("join-linked-room");
            page.click("confirm-switch");
            page.awaitText("#room-code", other);
            page.awaitStatus("Connected · Waiting for peers");
        }
    }
}
