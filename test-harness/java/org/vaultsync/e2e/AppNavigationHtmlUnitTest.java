package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fast page tests: HtmlUnit runs the TeaVM-compiled client served by the real server. */
class AppNavigationHtmlUnitTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    @RegisterExtension
    final HtmlUnitBrowser htmlUnit = new HtmlUnitBrowser();

    private HtmlPage open(String fragment) throws Exception {
        HtmlPage page = htmlUnit.client().getPage(SERVER.page(fragment));
        htmlUnit.client().waitForBackgroundJavaScript(2_000);
        return page;
    }

    private static String heading(HtmlPage page) {
        return page.querySelector("#page h1").getTextContent().trim();
    }

    @Test
    void openingTheAppShowsTheEmptyUnitsList() throws Exception {
        HtmlPage page = open("");
        assertEquals("Units", heading(page));
        assertEquals("No units yet", page.querySelector(".empty-headline").getTextContent().trim());
        assertEquals("Units · Vault Sync", page.getTitleText());
    }

    @Test
    void navigationLinksSwitchPagesAndMarkTheActiveOne() throws Exception {
        HtmlPage page = open("#/vault/units");
        page = ((HtmlAnchor) page.getElementById("nav-pilots")).click();
        htmlUnit.settle();
        assertEquals("Pilots", heading(page));
        assertTrue(page.getUrl().toString().endsWith("#/vault/pilots"), page.getUrl().toString());
        assertEquals("active", page.getElementById("nav-pilots").getAttribute("class"));
        assertEquals("", page.getElementById("nav-units").getAttribute("class"));

        page = ((HtmlAnchor) page.getElementById("nav-forces")).click();
        htmlUnit.settle();
        assertEquals("Forces", heading(page));
        assertTrue(page.querySelector(".empty-hint").getTextContent().contains("lances"));
    }

    @Test
    void deepLinkOpensSyncSettings() throws Exception {
        HtmlPage page = open("#/settings/sync");
        assertEquals("Sync", heading(page));
        assertEquals("Sync settings · Vault Sync", page.getTitleText());
    }

    @Test
    void aShareLinkWithoutAValidCodeSaysWhyInTheSpecsWords() throws Exception {
        HtmlPage page = open("#/join/ABC-IO1");
        assertEquals("Room link", heading(page));
        assertEquals("Room code contains invalid characters (I, O, 0 and 1 are not used)",
                page.getElementById("link-problem").getTextContent().trim());
        page = open("#/join/ABCDEFG");
        assertEquals("Room code must be 6 characters", page.getElementById("link-problem").getTextContent().trim());
    }

    @Test
    void aShareLinkNamesItsRoomInDisplayForm() throws Exception {
        HtmlPage page = open("#/join/abcdef");
        assertEquals("Join room ABC-DEF", heading(page));
    }

    @Test
    void unknownDeepLinkSaysPageNotFoundAndLinksHome() throws Exception {
        HtmlPage page = open("#/no/such/page");
        assertEquals("Page not found", heading(page));
        page = ((HtmlAnchor) page.getElementById("back-to-vault")).click();
        htmlUnit.settle();
        assertEquals("Units", heading(page));
    }

    @Test
    void aShareLinkWithoutACodeSaysPageNotFound() throws Exception {
        HtmlPage page = open("#/join/");
        assertEquals("Page not found", heading(page));
    }

    @Test
    void followingAnUnknownLinkAfterAKnownPageReplacesTheStalePage() throws Exception {
        HtmlPage page = open("#/vault/forces");
        page.executeJavaScript("location.hash = '#/vault/nothing'");
        htmlUnit.settle();
        assertEquals("Page not found", heading(page));
    }
}
