package org.vaultsync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The vault screens in HtmlUnit: forms, validation messages as the player types, navigation. HtmlUnit has no
 * IndexedDB, so the app runs on its in-memory vault and must say so in a banner that stays.
 */
class VaultScreensHtmlUnitTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    @RegisterExtension
    final HtmlUnitBrowser htmlUnit = new HtmlUnitBrowser();

    private HtmlPage open(String fragment) throws Exception {
        HtmlPage page = htmlUnit.client().getPage(SERVER.page(fragment));
        htmlUnit.client().waitForBackgroundJavaScriptStartingBefore(1_000); // the app's start-up chain
        return page;
    }

    private void settle() {
        htmlUnit.settle();
    }

    private static String text(HtmlPage page, String selector) {
        DomElement element = page.querySelector(selector);
        assertNotNull(element, "no " + selector + " on the page");
        return element.getTextContent().trim().replaceAll("\\s+", " ");
    }

    private void type(HtmlPage page, String id, String text) throws Exception {
        HtmlElement field = page.getHtmlElementById(id);
        field.focus();
        if (field instanceof HtmlInput input) {
            input.setValue("");
        } else if (field instanceof HtmlTextArea area) {
            area.setText("");
        }
        // One key at a time, letting the page's deferred re-render run in between: HtmlUnit runs timers on another
        // thread, so a re-render could otherwise land between a key changing the value and its input event.
        for (char c : text.toCharArray()) {
            field.type(c);
            settle();
        }
    }

    private void choose(HtmlPage page, String id, String value) {
        HtmlSelect select = page.getHtmlElementById(id);
        select.setSelectedAttribute(value, true);
        settle();
    }

    private HtmlPage click(HtmlPage page, String id) throws Exception {
        HtmlPage after = page.getHtmlElementById(id).click();
        settle();
        return after;
    }

    private static String error(HtmlPage page, String field) {
        return page.getHtmlElementById("error-" + field).getTextContent().trim();
    }

    @Test
    void withoutIndexedDbTheVaultRunsInMemoryAndABannerSaysNothingIsKept() throws Exception {
        HtmlPage page = open("#/vault/units");
        String banner = text(page, "#memory-banner");
        assertTrue(banner.contains("nothing you change here will be kept after this page closes"), banner);
        page = click(page, "nav-pilots");
        assertTrue(text(page, "#memory-banner").contains("could not be stored"), "the banner stays on every page");
        assertEquals("No pilots yet", text(page, ".empty-headline"));
    }

    @Test
    void unitFormShowsTheModelsMessagesAsThePlayerTypesAndCreatesTheUnit() throws Exception {
        HtmlPage page = open("#/vault/units");
        page = click(page, "new-item");
        assertEquals("New unit", text(page, "#page h1"));
        assertTrue(page.getUrl().toString().endsWith("#/vault/units/new"), page.getUrl().toString());

        type(page, "field-tonnage", "abc");
        assertEquals("Tonnage must be a number", error(page, "tonnage"));
        assertEquals("true", page.getHtmlElementById("field-tonnage").getAttribute("aria-invalid"));
        type(page, "field-tonnage", "0");
        assertEquals("Tonnage must be a number from 1 to 2500000", error(page, "tonnage"));
        type(page, "field-tonnage", "100");
        assertEquals("", error(page, "tonnage"), "a valid value clears the message");
        assertTrue(text(page, "#hint-tonnage").contains("Assault"), "the weight class follows the tonnage");

        type(page, "field-walk", "31");
        assertEquals("Walking MP must be a whole number from 0 to 30", error(page, "walk"));
        type(page, "field-walk", "3");

        page = click(page, "create");
        assertEquals("Name is required", error(page, "name"), "creating without a name says what is missing");
        assertEquals("Please correct the fields marked below.", text(page, "#form-error"));

        type(page, "field-name", "Atlas AS7-D");
        choose(page, "field-techBase", "clan");
        type(page, "field-armor", "HD: 9\nCT 47");
        type(page, "field-equipment", "AC/20 (RT)\nLRM 20 (LT)");
        page = click(page, "create");

        assertEquals("Atlas AS7-D", text(page, "#page h1"));
        assertTrue(page.getUrl().toString().contains("#/vault/item/"), page.getUrl().toString());
        assertEquals("BattleMech · 100 t Assault · BV 0 · Clan · Late Succession Wars", text(page, "#item-essentials"));
        assertEquals("HD: 9\nCT: 47", ((HtmlTextArea) page.getHtmlElementById("field-armor")).getText());
        assertTrue(text(page, "#item-badge").contains("Not shared"), text(page, "#item-badge"));

        page = click(page, "nav-units");
        assertEquals("1 unit", text(page, "#result-count"));
        assertEquals("Atlas AS7-D", text(page, ".item-name"));
    }

    @Test
    void editsSaveAsThePlayerTypesAndAnInvalidValueIsNeverSaved() throws Exception {
        HtmlPage page = createPilot(open(""), "Kai Allard-Liao");
        type(page, "field-gunnery", "9");
        assertEquals("Gunnery must be a whole number from 1 to 8", error(page, "gunnery"));
        page = click(page, "nav-pilots");
        assertTrue(text(page, ".item-essentials").contains("Gunnery 4 / Piloting 5"), "the invalid 9 was not saved");

        page = click(page, page.querySelector(".item-name"));
        type(page, "field-callsign", "Kai");
        page = click(page, "template-elite");
        assertEquals("2", ((HtmlInput) page.getHtmlElementById("field-gunnery")).getValue());
        assertEquals("3", ((HtmlInput) page.getHtmlElementById("field-piloting")).getValue());
        assertEquals("100", ((HtmlInput) page.getHtmlElementById("field-xp")).getValue());
        page = click(page, "nav-pilots");
        assertEquals("“Kai” · Gunnery 2 / Piloting 3 · Active", text(page, ".item-essentials"));
    }

    @Test
    void deleteAsksFirstAndUndoBringsTheItemBack() throws Exception {
        HtmlPage page = createPilot(open(""), "Natasha Kerensky");
        page = click(page, "delete");
        assertTrue(text(page, "[role=alertdialog]").startsWith("Delete “Natasha Kerensky”?"));
        page = click(page, "delete-cancel");
        assertNull(page.querySelector("[role=alertdialog]"));
        assertEquals("Natasha Kerensky", text(page, "#page h1"), "cancel keeps the item");

        page = click(page, "delete");
        page = click(page, "delete-confirm");
        assertEquals("Pilots", text(page, "#page h1"));
        assertEquals("No pilots yet", text(page, ".empty-headline"));
        assertTrue(text(page, "#toasts").contains("Deleted “Natasha Kerensky”"), text(page, "#toasts"));

        page = click(page, page.querySelector(".toast-action"));
        assertEquals("Natasha Kerensky", text(page, ".item-name"), "undo restores the pilot");
    }

    @Test
    void forceEditorRefusesAPilotWhoCannotServeWithTheReasonAndKeepsTotalsLive() throws Exception {
        HtmlPage page = createPilot(open(""), "Active Annie");
        page = createPilot(page, "Killed Ken");
        choose(page, "field-status", "kia");
        go(page, "#/vault/units/new");
        type(page, "field-name", "Locust LCT-1V");
        type(page, "field-tonnage", "20");
        type(page, "field-bv", "432");
        page = click(page, "create");

        page = click(page, "nav-forces");
        page = click(page, "new-item");
        type(page, "field-name", "Recon Lance");
        page = click(page, "create");
        assertEquals("Recon Lance", text(page, "#page h1"));
        assertEquals(4, page.querySelectorAll(".slot").size(), "a lance has four slots");
        assertEquals("4", text(page, "#total-empty"));

        choose(page, "slot-1-pilot", optionValue(page, "slot-1-pilot", "Active Annie"));
        choose(page, "slot-1-unit", optionValue(page, "slot-1-unit", "Locust LCT-1V"));
        assertEquals("432", text(page, "#total-bv"));
        assertEquals("20 t", text(page, "#total-tonnage"));
        assertEquals("4.0", text(page, "#total-gunnery"));
        assertEquals("3", text(page, "#total-empty"));
        assertEquals("Light", text(page, "#total-weight"));

        choose(page, "slot-2-pilot", optionValue(page, "slot-2-pilot", "Killed Ken"));
        assertEquals("Slot 2: Killed Ken is KIA and cannot be assigned", text(page, "#slot-2-error"));
        assertEquals("", ((HtmlSelect) page.getHtmlElementById("slot-2-pilot")).getSelectedOptions().get(0)
                .getValueAttribute(), "the refused pilot is not assigned");

        choose(page, "slot-3-pilot", optionValue(page, "slot-3-pilot", "Active Annie"));
        assertTrue(text(page, "#slot-3-error").startsWith("A pilot can hold only one slot of a force"),
                text(page, "#slot-3-error"));
        assertEquals("3", text(page, "#total-empty"));
    }

    @Test
    void listSearchFiltersAndSortNarrowTheRows() throws Exception {
        HtmlPage page = createUnit(open(""), "Atlas AS7-D", "100", "1897");
        createUnit(page, "Locust LCT-1V", "20", "432");
        createUnit(page, "Marauder MAD-3R", "75", "1363");
        page = click(page, "nav-units");
        assertEquals(List.of("Atlas AS7-D", "Locust LCT-1V", "Marauder MAD-3R"), names(page));

        type(page, "search", "mad");
        assertEquals(List.of("Marauder MAD-3R"), names(page));
        type(page, "search", "zeus");
        assertEquals("No units match “zeus”.", text(page, ".no-match .empty-headline"));
        page = click(page, "clear-query");
        assertEquals(3, names(page).size());

        choose(page, "filter-weight", "light");
        assertEquals(List.of("Locust LCT-1V"), names(page));
        choose(page, "filter-weight", "");
        choose(page, "sort", "bv");
        assertEquals(List.of("Atlas AS7-D", "Marauder MAD-3R", "Locust LCT-1V"), names(page));
    }

    @Test
    void aBadImportFileIsRejectedWithAClearMessage() throws Exception {
        HtmlPage page = open("#/vault/units");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("not-a-vault", ".json");
        java.nio.file.Files.writeString(file, "{\"hello\": 1}");
        ((org.htmlunit.html.HtmlFileInput) page.getHtmlElementById("import-file")).setFiles(file.toFile());
        page.getHtmlElementById("import-file").fireEvent("change");
        settle();
        assertTrue(text(page, "#import-error").endsWith("cannot be imported. This file is not a Vault Sync export."),
                text(page, "#import-error"));
        assertEquals("No units yet", text(page, ".empty-headline"), "nothing was added");
    }

    @Test
    void anUnknownItemSaysItIsNotInTheVault() throws Exception {
        HtmlPage page = open("#/vault/item/no-such-id");
        assertEquals("Item not found", text(page, "#page h1"));
        assertTrue(text(page, ".empty-headline").startsWith("This item is not in your vault"));
    }

    private HtmlPage click(HtmlPage page, DomElement element) throws Exception {
        HtmlPage after = ((HtmlElement) element).click();
        settle();
        return after;
    }

    /** Follows an in-app link without reloading (a reload would start a new in-memory vault). */
    private HtmlPage go(HtmlPage page, String fragment) {
        page.executeJavaScript("location.hash = '" + fragment + "'");
        settle();
        return page;
    }

    private HtmlPage createPilot(HtmlPage page, String name) throws Exception {
        go(page, "#/vault/pilots/new");
        type(page, "field-name", name);
        return click(page, "create");
    }

    private HtmlPage createUnit(HtmlPage page, String name, String tons, String bv) throws Exception {
        go(page, "#/vault/units/new");
        type(page, "field-name", name);
        type(page, "field-tonnage", tons);
        type(page, "field-bv", bv);
        return click(page, "create");
    }

    private static String optionValue(HtmlPage page, String selectId, String labelStart) {
        HtmlSelect select = page.getHtmlElementById(selectId);
        return select.getOptions().stream().filter(o -> o.getText().startsWith(labelStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no option " + labelStart + " in " + selectId))
                .getValueAttribute();
    }

    private static List<String> names(HtmlPage page) {
        List<String> out = new ArrayList<>();
        for (org.htmlunit.html.DomNode name : page.querySelectorAll(".item-name")) {
            out.add(name.getTextContent().trim());
        }
        return out;
    }
}
