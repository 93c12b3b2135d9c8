package org.vaultsync.e2e;

import java.time.Duration;
import java.util.Objects;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The app's vault screens in one Chromium, driven like a player would: by keyboard where it matters. */
final class VaultScreen {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final ChromeDriver driver;

    VaultScreen(ChromeDriver driver) {
        this.driver = driver;
    }

    ChromeDriver driver() {
        return driver;
    }

    VaultScreen open(String url) {
        driver.get(url);
        awaitLoaded();
        return this;
    }

    /** Waits until the vault is open (no "Opening your vault…" state). */
    void awaitLoaded() {
        await("the vault to open", () -> driver.findElements(By.cssSelector("#page h1")).size() == 1
                && !driver.findElement(By.cssSelector("#page")).getText().contains("Opening your vault"));
    }

    /** Presses Tab until the element {@code id} has focus (the way a keyboard player reaches it). */
    WebElement tabTo(String id) {
        for (int presses = 0; presses < 120; presses++) {
            WebElement active = driver.switchTo().activeElement();
            String activeId;
            try {
                activeId = active.getAttribute("id");
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                // what had focus left the page between the two calls (a peer's change re-rendered it): look again
                continue;
            }
            if (id.equals(activeId)) {
                return active;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform(); // to whatever has focus, as a keyboard does
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Replaces the focused field's text by typing. */
    void retype(String id, String text) {
        WebElement field = tabTo(id);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    String text(String selector) {
        return driver.findElement(By.cssSelector(selector)).getText().trim();
    }

    String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    void awaitText(String selector, String expected) {
        await(selector + " to read " + expected, () -> {
            var found = driver.findElements(By.cssSelector(selector));
            return !found.isEmpty() && expected.equals(found.get(0).getText().trim());
        });
    }

    void awaitValue(String id, String expected) {
        try {
            await("#" + id + " to hold " + expected, () -> {
                var found = driver.findElements(By.id(id));
                return !found.isEmpty() && Objects.equals(expected, found.get(0).getAttribute("value"));
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            // say what the page showed instead, and where its room connection was (an intermittent failure here
            // on a quiet machine left nothing else to go on)
            throw new AssertionError("#" + id + " never held '" + expected + "'; it holds '"
                    + driver.executeScript("var f = document.getElementById(arguments[0]); return f ? f.value : null;", id)
                    + "'; status: " + driver.executeScript(
                            "var s = document.getElementById('sync-status-text'); return s ? s.textContent : null;")
                    + "; page " + driver.getCurrentUrl(), e);
        }
    }

    void await(String what, java.util.function.BooleanSupplier condition) {
        // the page re-renders under the test (a peer's change): an element found a moment ago may be gone
        new WebDriverWait(driver, PATIENCE).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** Every record of the vault's IndexedDB store, as stored (what a reload will load). */
    String storedRecords() {
        return (String) driver.executeAsyncScript(""
                + "var done = arguments[arguments.length - 1];"
                + "var open = indexedDB.open('vault-sync-vault');"
                + "open.onerror = function() { done('error'); };"
                + "open.onsuccess = function() {"
                + "  var db = open.result;"
                + "  var all = db.transaction('items', 'readonly').objectStore('items').getAll();"
                + "  all.onsuccess = function() { db.close(); done(JSON.stringify(all.result)); };"
                + "};");
    }
}
