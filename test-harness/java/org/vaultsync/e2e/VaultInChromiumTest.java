package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.vaultsync.json.Json;

/**
 * The player's vault in real headless Chromium (the probe page's {@code BrowserVault}: IndexedDB database and
 * BroadcastChannel {@code vault-sync-vault}), with no room joined. Each {@link Chromium#start()} is its own profile.
 */
class VaultInChromiumTest {
    @RegisterExtension
    static final ProbeServers SERVERS = new ProbeServers();

    private static final String ATLAS = "{\"type\":\"unit\",\"name\":\"Atlas AS7-D\","
            + "\"data\":{\"chassis\":\"Atlas\",\"tonnage\":100,\"notes\":\"Death's head\"}}";
    private static final String KAI = "{\"type\":\"pilot\",\"name\":\"Kai Allard-Liao\",\"data\":{\"gunnery\":2}}";

    @Test
    void theVaultSurvivesAReloadWithNoRoom() throws Exception {
        try (Chromium browser = Chromium.start()) {
            ProbePage page = openVault(browser, "A");
            String atlas = page.call("vaultAdd", ATLAS);
            String kai = page.call("vaultAdd", KAI);
            assertEquals("true", page.call("vaultUpdate", atlas, "{\"name\":\"Atlas AS7-K\",\"walk\":3}"));
            page.call("vaultRemove", kai);
            awaitSaved(page);
            assertEquals("DISCONNECTED", page.state(), "no room was joined");

            browser.driver().navigate().refresh();
            awaitVault(page);
            List<Map<String, Object>> items = items(page);
            assertEquals(1, items.size(), items.toString());
            assertEquals(atlas, items.get(0).get("id"));
            assertEquals("Atlas AS7-K", items.get(0).get("name"));
            assertEquals(3.0, data(items.get(0)).get("walk"));
            assertEquals("Death's head", data(items.get(0)).get("notes"));
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void twoTabsOfOneBrowserStayInStep() throws Exception {
        try (Chromium browser = Chromium.start()) {
            ProbePage first = openVault(browser, "tab 1");
            String firstTab = browser.driver().getWindowHandle();
            String atlas = first.call("vaultAdd", ATLAS);
            awaitSaved(first);

            browser.driver().switchTo().newWindow(WindowType.TAB);
            String secondTab = browser.driver().getWindowHandle();
            ProbePage second = openVault(browser, "tab 2");
            assertEquals(List.of("Atlas AS7-D"), names(second), "a new tab loads the stored vault");

            String kai = second.call("vaultAdd", KAI);
            browser.driver().switchTo().window(firstTab);
            awaitNames(first, List.of("Atlas AS7-D", "Kai Allard-Liao"));
            assertTrue(first.call("vaultEvents").contains("ADDED:OTHER_TAB:" + kai), first.call("vaultEvents"));

            first.call("vaultUpdate", kai, "{\"gunnery\":3,\"callsign\":\"Kai\"}");
            browser.driver().switchTo().window(secondTab);
            second.await("tab 1's edit", Duration.ofSeconds(10),
                    () -> Double.valueOf(3).equals(data(item(second, kai)).get("gunnery")));
            assertEquals("Kai", data(item(second, kai)).get("callsign"));

            second.call("vaultRemove", atlas);
            browser.driver().switchTo().window(firstTab);
            awaitNames(first, List.of("Kai Allard-Liao"));

            // Each tab announces only its own writes; what it receives is never written back (no echo loop).
            browser.driver().switchTo().window(secondTab);
            awaitSaved(second);
            assertEquals(List.of("Kai Allard-Liao"), names(second));
            assertTrue(!second.call("vaultEvents").contains("storage-error"), second.call("vaultEvents"));
        }
    }

    @Test
    void theExportOfOneProfileImportsIntoAnotherWithCopiesForIdsItHas() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start()) {
            ProbePage a = openVault(browserA, "A");
            String atlas = a.call("vaultAdd", ATLAS);
            a.call("vaultAdd", KAI);
            String file = a.call("vaultExport");

            ProbePage b = openVault(browserB, "B");
            assertEquals(List.of(), names(b), "another profile has its own, empty vault");
            List<Object> firstIds = ids(b.call("vaultImport", file));
            assertEquals(2, firstIds.size());
            assertTrue(firstIds.contains(atlas), "ids the vault does not have are kept");
            awaitSaved(b);

            List<Object> secondIds = ids(b.call("vaultImport", file));
            assertEquals(2, secondIds.size());
            for (Object id : secondIds) {
                assertTrue(!firstIds.contains(id), "a second import makes copies with new ids: " + secondIds);
            }
            assertEquals(List.of("Atlas AS7-D", "Kai Allard-Liao", "Atlas AS7-D", "Kai Allard-Liao"), names(b));
            awaitSaved(b);

            browserB.driver().navigate().refresh();
            awaitVault(b);
            assertEquals(4, items(b).size(), "the imported items are stored");
            assertEquals(2, items(a).size(), "exporting changes nothing in A");
        }
    }

    @Test
    void aBadFileIsRejectedWithAClearMessageAndNothingChanges() throws Exception {
        try (Chromium browser = Chromium.start()) {
            ProbePage page = openVault(browser, "A");
            page.call("vaultAdd", ATLAS);
            String file = page.call("vaultExport");
            String before = page.call("vaultItems");

            String truncated = page.call("vaultImport", file.substring(0, file.length() / 2));
            assertTrue(truncated.startsWith("error: This file is not a Vault Sync export, or it is damaged or incomplete"),
                    truncated);
            assertEquals("error: This file is not a Vault Sync export",
                    page.call("vaultImport", "{\"format\":\"something-else\",\"items\":[]}"));
            String invalid = page.call("vaultImport", file.replace("\"tonnage\":100", "\"tonnage\":-5"));
            assertTrue(invalid.startsWith("error: Item 1 of the file: item "), invalid);
            assertNotEquals(-1, invalid.indexOf("Tonnage"), invalid);

            assertEquals(before, page.call("vaultItems"), "nothing was added");
            awaitSaved(page);
            browser.driver().navigate().refresh();
            awaitVault(page);
            assertEquals(before, page.call("vaultItems"), "nothing was stored");
        }
    }

    @Test
    void aNewerVersionUpgradingTheVaultIsNotBlockedAndLaterFailuresAreReportedNotThrown() throws Exception {
        try (Chromium browser = Chromium.start()) {
            ProbePage page = openVault(browser, "A");
            page.call("vaultAdd", ATLAS);
            awaitSaved(page);

            // A newer app version in another tab upgrades the database: this tab lets go instead of blocking it.
            Object upgrade = ((JavascriptExecutor) browser.driver()).executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "var r = indexedDB.open('vault-sync-vault', 2);"
                    + "r.onsuccess = function() { r.result.close(); done('upgraded'); };"
                    + "r.onblocked = function() { done('blocked'); };"
                    + "r.onerror = function() { done('error ' + r.error); };");
            assertEquals("upgraded", upgrade);

            String kai = page.call("vaultAdd", KAI);
            page.await("the failed save reported", Duration.ofSeconds(10),
                    () -> page.call("vaultEvents").contains("storage-error:Could not save " + kai + ": "));
            assertEquals("0", page.call("vaultUnsaved"), "a failed write is no longer pending");
            assertEquals(List.of("Atlas AS7-D", "Kai Allard-Liao"), names(page), "the change stays in memory");

            // This version cannot open the newer database: a message, not an exception.
            browser.driver().navigate().refresh();
            page.awaitReady();
            page.await("vault failure", Duration.ofSeconds(10), () -> page.js("return window.probe.vaultFailed || null") != null);
            String failure = (String) page.js("return window.probe.vaultFailed");
            assertTrue(failure.startsWith("The vault could not be opened: VersionError"), failure);
        }
    }

    @Test
    void aFullDiskIsReportedInWordsAndTheChangeStaysInMemory() throws Exception {
        try (Chromium browser = Chromium.start()) {
            ProbePage page = openVault(browser, "A");
            String origin = SERVERS.probePage().replaceAll("^(https?://[^/]+).*$", "$1");
            browser.driver().executeCdpCommand("Storage.overrideQuotaForOrigin",
                    Map.of("origin", origin, "quotaSize", 1024));
            String big = page.call("vaultAdd", ATLAS.replace("Death's head", "x".repeat(20_000)));
            page.await("the failed save reported", Duration.ofSeconds(10),
                    () -> page.call("vaultEvents").contains("storage-error:"));
            assertTrue(page.call("vaultEvents").contains(
                    "storage-error:Could not save " + big + ": this device is out of storage space"),
                    page.call("vaultEvents"));
            assertEquals(List.of("Atlas AS7-D"), names(page), "the change stays in memory");
        }
    }

    private ProbePage openVault(Chromium browser, String name) {
        ProbePage page = new ProbePage(browser.driver(), name).open(SERVERS.probePage());
        return awaitVault(page);
    }

    private static ProbePage awaitVault(ProbePage page) {
        page.awaitReady();
        page.await("vault loaded", Duration.ofSeconds(20), () -> {
            Object failed = page.js("return window.probe.vaultFailed || null");
            if (failed != null) {
                throw new AssertionError("the vault could not be opened: " + failed);
            }
            return Boolean.TRUE.equals(page.js("return !!window.probe.vaultReady"));
        });
        return page;
    }

    /** Waits until every write this tab issued has landed in IndexedDB. */
    private static void awaitSaved(ProbePage page) {
        page.await("vault saved", Duration.ofSeconds(10), () -> "0".equals(page.call("vaultUnsaved")));
    }

    private static void awaitNames(ProbePage page, List<String> names) {
        page.await("vault " + names, Duration.ofSeconds(10), () -> names.equals(names(page)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ProbePage page) {
        try {
            return (List<Map<String, Object>>) Json.parse(page.call("vaultItems"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> item(ProbePage page, String id) {
        for (Map<String, Object> item : items(page)) {
            if (id.equals(item.get("id"))) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + page.call("vaultItems"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> item) {
        return (Map<String, Object>) item.get("data");
    }

    private static List<String> names(ProbePage page) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> item : items(page)) {
            names.add((String) item.get("name"));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(String answer) {
        try {
            return (List<Object>) Json.parse(answer);
        } catch (Exception e) {
            throw new AssertionError("not a list of ids: " + answer, e);
        }
    }
}
