package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.presence.LocalIdentity;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.SyncClient;

/**
 * Two players in two Chromium processes, one room, one shared unit, both editing it through the item form. A
 * player is taken offline (the browser's {@code offline} event, which the sync client follows) while both edit, so
 * the edits are truly concurrent; back online, the room merges them. The room is entered the way a reload resumes
 * it: the last room's code in {@code localStorage} (the Sync page, built separately, does the same through the API).
 */
class VaultScreensTwoPeersInChromiumTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    @Test
    void concurrentEditsOfOneUnitMergeAndTheSameFieldShowsAConflictEitherValueOfWhichCanBeKept() throws Exception {
        try (Chromium browserA = Chromium.start(); Chromium browserB = Chromium.start()) {
            VaultScreen a = new VaultScreen(browserA.driver()).open(SERVER.page("#/vault/units/new"));
            a.retype("field-name", "Marauder MAD-3R");
            a.retype("field-tonnage", "75");
            a.retype("field-notes", "Shared notes.");
            a.tabTo("create").sendKeys(Keys.ENTER);
            a.awaitText("#page h1", "Marauder MAD-3R");
            a.tabTo("sync-toggle").sendKeys(Keys.SPACE);
            a.await("sync on", () -> a.text("#item-badge").contains("Pending"));
            String itemUrl = browserA.driver().getCurrentUrl();
            String fragment = itemUrl.substring(itemUrl.indexOf('#'));

            String room = RoomCode.generate(new SecureRandomBytes()).value();
            VaultScreen b = new VaultScreen(browserB.driver()).open(SERVER.page(fragment));
            for (VaultScreen player : List.of(a, b)) {
                player.driver().executeScript("localStorage.setItem(arguments[0], arguments[1]);",
                        SyncClient.LAST_ROOM_KEY, room);
                player.driver().navigate().refresh();
                player.awaitLoaded();
            }
            // every toast B's page shows from now on (they close by themselves, so they are recorded as they come)
            b.driver().executeScript("window.toastsShown = [];"
                    + "new MutationObserver(function(changes) { changes.forEach(function(change) {"
                    + "  change.addedNodes.forEach(function(node) {"
                    + "    if (node.classList && node.classList.contains('toast')) window.toastsShown.push(node.textContent); });"
                    + "}); }).observe(document.body, {childList: true, subtree: true});");
            // B's page waits for the item and turns into its form when A's share arrives
            b.awaitText("#page h1", "Marauder MAD-3R");
            assertTrue(b.text("#peer-notice").startsWith("Shared by"), b.text("#peer-notice"));
            a.await("A's badge to say a peer has the unit", () -> a.text("#item-badge").contains("Synced"));

            // Different fields and the same notes, edited at once: B is offline while both type.
            offline(b);
            a.retype("field-model", "MAD-3R");
            a.tabTo("field-notes").sendKeys(Keys.END, " A was here.");
            b.retype("field-bv", "1363");
            WebElement bNotes = b.tabTo("field-notes");
            bNotes.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), "B: ");
            online(b);
            for (VaultScreen player : List.of(a, b)) {
                player.awaitValue("field-model", "MAD-3R");
                player.awaitValue("field-bv", "1363");
                player.awaitValue("field-notes", "B: Shared notes. A was here.");
            }
            assertFalse(a.driver().findElements(By.id("conflicts")).size() > 0, "different fields never conflict");

            // A peer's typing appears in place without moving the local caret: B's caret sits after "B: ".
            b.tabTo("field-notes");
            b.driver().executeScript("var t = document.getElementById('field-notes'); t.setSelectionRange(3, 3);");
            a.tabTo("field-notes").sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), ">> ");
            b.awaitValue("field-notes", ">> B: Shared notes. A was here.");
            assertEquals(List.of(6L, 6L, "field-notes"), b.driver().executeScript(
                    "var t = document.getElementById('field-notes');"
                    + "return [t.selectionStart, t.selectionEnd, document.activeElement.id];"),
                    "B's caret stays after \"B: \" (moved by the 3 characters A inserted before it) and keeps focus");
            b.driver().switchTo().activeElement().sendKeys("!");
            for (VaultScreen player : List.of(a, b)) {
                player.awaitValue("field-notes", ">> B: !Shared notes. A was here.");
            }

            // The same field at once: one value wins everywhere; the losing side sees both and keeps its own.
            VaultScreen first = conflictOn(a, b, "field-tonnage", "80", "85");
            VaultScreen loser = first;
            VaultScreen winner = loser == a ? b : a;
            String mine = loser == a ? "80" : "85";
            String theirs = loser == a ? "85" : "80";
            assertEquals(mine, loser.text("#conflicts .mine-value"));
            assertEquals(theirs, loser.text("#conflicts .theirs-value"));
            // named after the winner, though the winner's presence arrives after its edits (B was offline)
            Object winnerName = winner.driver().executeScript("return localStorage.getItem(arguments[0]);",
                    LocalIdentity.NAME_KEY);
            assertEquals("Theirs, by " + winnerName, loser.text("#conflicts .theirs dt"));
            assertTrue(loser.text("#item-badge").contains("Conflict"), loser.text("#item-badge"));
            Screenshots.both(loser.driver(), "vault-conflict");
            Screenshots.bothDark(loser.driver(), "vault-conflict");
            loser.driver().findElement(By.cssSelector("#conflicts .keep-mine")).click();
            loser.await("the conflict view to close", () -> loser.driver().findElements(By.id("conflicts")).isEmpty());
            winner.awaitValue("field-tonnage", mine);
            loser.awaitValue("field-tonnage", mine);

            // Again, keeping theirs: the view closes and both keep the winning value.
            VaultScreen keeper = conflictOn(a, b, "field-walk", "4", "5");
            VaultScreen other = keeper == a ? b : a;
            String kept = keeper.text("#conflicts .theirs-value");
            keeper.driver().findElement(By.cssSelector("#conflicts .keep-theirs")).click();
            keeper.await("the conflict view to close", () -> keeper.driver().findElements(By.id("conflicts")).isEmpty());
            other.awaitValue("field-walk", kept);
            keeper.awaitValue("field-walk", kept);
            a.await("A's badge to leave conflict", () -> !a.text("#item-badge").contains("Conflict"));
            // B went offline and came back three times: A did not leave or join each time, B did
            @SuppressWarnings("unchecked")
            List<String> toasts = (List<String>) b.driver().executeScript("return window.toastsShown;");
            assertEquals(0, toasts.stream().filter(toast -> toast.contains("left the room")).count(), toasts.toString());
            assertTrue(toasts.stream().filter(toast -> toast.contains("joined the room")).count() <= 1, toasts.toString());
            assertEquals(List.of(), browserA.consoleErrors());
            assertEquals(List.of(), browserB.consoleErrors());
        }
    }

    /** Both players set {@code field} while B is offline; returns the side that shows the conflict view. */
    private static VaultScreen conflictOn(VaultScreen a, VaultScreen b, String field, String fromA, String fromB) {
        offline(b);
        a.retype(field, fromA);
        b.retype(field, fromB);
        online(b);
        a.await("one side to show the conflict", () -> !a.driver().findElements(By.id("conflicts")).isEmpty()
                || !b.driver().findElements(By.id("conflicts")).isEmpty());
        VaultScreen loser = a.driver().findElements(By.id("conflicts")).isEmpty() ? b : a;
        String value = loser == a ? a.text("#conflicts .theirs-value") : b.text("#conflicts .theirs-value");
        a.awaitValue(field, value);
        b.awaitValue(field, value);
        return loser;
    }

    private static void offline(VaultScreen player) {
        player.driver().executeScript("window.dispatchEvent(new Event('offline'));");
    }

    private static void online(VaultScreen player) {
        player.driver().executeScript("window.dispatchEvent(new Event('online'));");
    }
}
