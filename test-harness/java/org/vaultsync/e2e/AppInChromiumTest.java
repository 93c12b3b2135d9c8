package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The compiled client in a real headless Chromium: rendering, routing, Back, and a clean console. */
class AppInChromiumTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    private static Chromium chromium;
    private WebDriver page;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @BeforeEach
    void clearConsole() {
        page = chromium.driver();
        chromium.consoleErrors();
    }

    private String headingAfterLoad(String expected) {
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.cssSelector("#page h1"), expected));
        return page.findElement(By.cssSelector("#page h1")).getText();
    }

    @Test
    void rendersTheAppShellWithoutConsoleErrors() {
        page.get(SERVER.page(""));
        assertEquals("Units", headingAfterLoad("Units"));
        assertEquals("No units yet", page.findElement(By.cssSelector(".empty-headline")).getText());
        assertEquals(5, page.findElements(By.cssSelector("nav a")).size());
        assertEquals("Units · Vault Sync", page.getTitle());
        assertEquals(java.util.List.of(), chromium.consoleErrors());
    }

    @Test
    void backButtonReturnsToThePreviousPage() {
        page.get(SERVER.page("#/vault/units"));
        headingAfterLoad("Units");
        page.findElement(By.id("nav-pilots")).click();
        headingAfterLoad("Pilots");
        page.findElement(By.id("nav-sync")).click();
        headingAfterLoad("Sync");
        page.navigate().back();
        assertEquals("Pilots", headingAfterLoad("Pilots"));
        page.navigate().back();
        assertEquals("Units", headingAfterLoad("Units"));
        page.navigate().forward();
        assertEquals("Pilots", headingAfterLoad("Pilots"));
        assertEquals(java.util.List.of(), chromium.consoleErrors());
    }

    @Test
    void deepLinkRendersItsPageDirectly() {
        page.get(SERVER.page("#/vault/forces"));
        assertEquals("Forces", headingAfterLoad("Forces"));
        assertTrue(page.findElement(By.id("nav-forces")).getAttribute("class").contains("active"));
        assertEquals(java.util.List.of(), chromium.consoleErrors());
    }

    @Test
    void consoleErrorsAreCaught() {
        page.get(SERVER.page(""));
        headingAfterLoad("Units");
        ((org.openqa.selenium.JavascriptExecutor) page).executeScript("console.error('deliberate')");
        assertEquals(1, chromium.consoleErrors().size(), "the console check must be able to see an error");
    }
}
