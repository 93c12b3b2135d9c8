package org.vaultsync.ui.bind;

import java.util.function.Supplier;
import org.teavm.flavour.templates.BindAttributeComponent;
import org.teavm.flavour.templates.BindContent;
import org.teavm.flavour.templates.ModifierTarget;
import org.teavm.flavour.templates.Renderable;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code ui:badge="badge"} on an empty span: makes it the badge of a {@link BadgeLook}, the DOM the templates used
 * to spell out with two attribute bindings and three texts:
 * {@code <span class="badge ..." title="tooltip"><span aria-hidden="true" class="badge-symbol">symbol</span>
 * <span aria-hidden="true">label</span><span class="sr-only">spoken</span></span>}. One binding instead of five,
 * each of which Flavour compiles to its own JavaScript classes; the badge appears in every list row and on the item
 * page. The expression is read as {@code Object} (any {@code BadgeLook}); the span is written only when what it
 * shows changed.
 */
@BindAttributeComponent(name = "badge")
public class BadgeBinder implements Renderable {
    private final HTMLElement span;
    private Supplier<Object> badge;
    private String shown;

    public BadgeBinder(ModifierTarget target) {
        this(target.getElement());
    }

    /** For {@code badge:key} in a {@link BlockBinder} block. */
    BadgeBinder(HTMLElement span) {
        this.span = span;
    }

    @BindContent
    public void setBadge(Supplier<Object> badge) {
        this.badge = badge;
    }

    @Override
    public void render() {
        show(badge.get());
    }

    void show(Object badge) {
        BadgeLook look = (BadgeLook) badge;
        String cssClass = look.getCssClass();
        String tooltip = look.getTooltip();
        String symbol = look.getSymbol();
        String label = look.getLabel();
        String spoken = look.getSpoken();
        String now = cssClass + '\n' + tooltip + '\n' + symbol + '\n' + label + '\n' + spoken;
        if (!now.equals(shown)) {
            shown = now;
            show(span, cssClass, tooltip, symbol, label, spoken);
        }
    }

    @Override
    public void destroy() {
        shown = null;
    }

    @JSBody(params = {"span", "cssClass", "tooltip", "symbol", "label", "spoken"}, script = ""
            + "span.setAttribute('class', cssClass);"
            + "span.setAttribute('title', tooltip);"
            + "if (span.childNodes.length !== 3) {"
            + "  while (span.firstChild) span.removeChild(span.firstChild);"
            + "  var part = document.createElement('span');"
            + "  part.setAttribute('aria-hidden', 'true'); part.setAttribute('class', 'badge-symbol');"
            + "  span.appendChild(part);"
            + "  part = document.createElement('span');"
            + "  part.setAttribute('aria-hidden', 'true');"
            + "  span.appendChild(part);"
            + "  part = document.createElement('span');"
            + "  part.setAttribute('class', 'sr-only');"
            + "  span.appendChild(part);"
            + "}"
            + "span.childNodes[0].textContent = symbol;"
            + "span.childNodes[1].textContent = label;"
            + "span.childNodes[2].textContent = spoken;")
    private static native void show(HTMLElement span, String cssClass, String tooltip, String symbol, String label,
            String spoken);
}
