package org.vaultsync.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The real app's screens in one Chromium tab, driven as a player would: by ids, visible text, clicks and keys. */
public final class AppPage {
    private final Chromium browser;
    private final String name;

    public AppPage(Chromium browser, String name) {
        this.browser = browser;
        this.name = name;
    }

    public ChromeDriver driver() {
        return browser.driver();
    }

    public AppPage open(String url) {
        driver().get(url);
        awaitVisible("page h1", By.cssSelector("#page h1"));
        return this;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    /** Lets the page use the clipboard API (copy and, for the test, read back what was copied). */
    public void allowClipboard(String origin) {
        driver().executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    public String clipboard() {
        Object text = ((JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        return String.valueOf(text);
    }

    public WebElement find(String css) {
        return driver().findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver().findElements(By.cssSelector(css));
    }

    public String text(String css) {
        List<WebElement> found = all(css);
        return found.isEmpty() ? null : found.get(0).getText().trim();
    }

    public List<String> texts(String css) {
        return all(css).stream().map(e -> e.getText().trim()).collect(Collectors.toList());
    }

    public void click(String id) {
        awaitVisible("#" + id, By.id(id));
        driver().findElement(By.id(id)).click();
    }

    /** Clears the field and types {@code text} into it key by key. */
    public void type(String id, String text) {
        awaitVisible("#" + id, By.id(id));
        WebElement field = driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Replaces a field's text the way a player does: select all, delete, type. */
    public void retype(String id, String text) {
        awaitVisible("#" + id, By.id(id));
        WebElement field = driver().findElement(By.id(id));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    public void awaitValue(String id, String expected) {
        await("#" + id + " holding '" + expected + "'", Duration.ofSeconds(30), () -> {
            List<WebElement> found = all("#" + id);
            return !found.isEmpty() && expected.equals(found.get(0).getAttribute("value"));
        });
    }

    public String status() {
        return text("#sync-status-text");
    }

    public String statusState() {
        return find("#sync-status").getAttribute("data-state");
    }

    public void awaitStatus(String expected) {
        await("status '" + expected + "'", Duration.ofSeconds(30), () -> expected.equals(status()));
    }

    public void awaitState(String state, Duration timeout) {
        await("state " + state, timeout, () -> state.equals(statusState()));
    }

    public void awaitText(String css, String expected) {
        await(css + " = '" + expected + "'", Duration.ofSeconds(30), () -> expected.equals(text(css)));
    }

    public void awaitVisible(String what, By by) {
        await(what + " visible", Duration.ofSeconds(30), () -> {
            List<WebElement> found = driver().findElements(by);
            return !found.isEmpty() && found.get(0).isDisplayed();
        });
    }

    /** Waits for a toast (or the live region) saying {@code message}. */
    public void awaitToast(String message) {
        await("toast '" + message + "'", Duration.ofSeconds(30), () -> texts(".toast span").contains(message)
                || message.equals(text("#live")));
    }

    public String activeId() {
        return String.valueOf(js("return document.activeElement ? document.activeElement.id : ''"));
    }

    /** Presses Tab (at most 80 times) until the element {@code id} has the focus; fails if it never does. */
    public void tabTo(String id) {
        for (int i = 0; i < 80; i++) {
            if (id.equals(activeId())) {
                return;
            }
            new Actions(driver()).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError(name + ": Tab never reached #" + id + "; focus is on #" + activeId());
    }

    public void press(CharSequence keys) {
        new Actions(driver()).sendKeys(keys).perform();
    }

    public void await(String what, Duration timeout, BooleanSupplier condition) {
        try {
            // toasts and re-rendered parts of the page come and go under the test: an element found a moment ago
            // may be gone when its text is read
            new WebDriverWait(driver(), timeout, Duration.ofMillis(50))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(name + ": timed out waiting for " + what + "; status '" + status()
                    + "'; page: " + text("#page"), e);
        }
    }
}
