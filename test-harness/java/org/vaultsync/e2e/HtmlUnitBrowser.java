package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.htmlunit.BrowserVersion;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.SilentJavaScriptErrorListener;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh HtmlUnit browser per test (Chrome profile, scripts strict, CSS off for speed) that fails the test if any
 * page script threw. Register with {@code @RegisterExtension} and read {@link #client()} in the test.
 */
public final class HtmlUnitBrowser implements BeforeEachCallback, AfterEachCallback {
    private WebClient browser;
    private final List<String> scriptErrors = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        scriptErrors.clear();
        browser = new WebClient(BrowserVersion.CHROME);
        browser.getOptions().setThrowExceptionOnScriptError(true);
        browser.getOptions().setCssEnabled(false);
        browser.setJavaScriptErrorListener(new SilentJavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage page, ScriptException error) {
                scriptErrors.add(error.getMessage());
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browser.close();
        assertEquals(List.of(), scriptErrors, "script errors on the page");
    }

    public WebClient client() {
        return browser;
    }

    /**
     * Lets the page run what it queued for right now (the re-render after an input, timeouts of 0) and returns once
     * nothing is due within 100 ms. Not {@code waitForBackgroundJavaScript(t)}: the app keeps a once-a-second status
     * tick and an hourly update check, so "every background job done" never happens and that wait always lasted the
     * whole {@code t} (a second per typed key made VaultScreensHtmlUnitTest take four and a half minutes).
     */
    public void settle() {
        browser.waitForBackgroundJavaScriptStartingBefore(100);
    }
}
