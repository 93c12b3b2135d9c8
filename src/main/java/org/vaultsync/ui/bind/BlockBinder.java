package org.vaultsync.ui.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.teavm.flavour.templates.BindAttributeComponent;
import org.teavm.flavour.templates.BindContent;
import org.teavm.flavour.templates.ModifierTarget;
import org.teavm.flavour.templates.Renderable;
import org.teavm.flavour.templates.Templates;
import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code ui:bind="expr"} on an element: binds the static markup inside it (the element included) by name, through
 * the {@link Bindable} the expression gives. Each element to bind says what with a {@code data-bind} attribute of
 * space-separated {@code target:key} pairs:
 * <ul>
 * <li>{@code text:key} the element's text ({@code html:text} as the element's only content),</li>
 * <li>{@code checked:key}, {@code enabled:key} as {@code html:checked}, {@code html:enabled},</li>
 * <li>{@code live:key}, {@code options:key}, {@code badge:key} as {@code ui:live-value}, {@code ui:options},
 * {@code ui:badge},</li>
 * <li>{@code on-click:key} (any event name after {@code on-}) as {@code event:click}: {@link Bindable#act}, then
 * the page re-renders; a {@code submit} is not sent,</li>
 * <li>any other target is an attribute ({@code id:inputId}, {@code aria-invalid:ariaInvalid}) as {@code attr:}.</li>
 * </ul>
 *
 * <p>Why: Flavour compiles every template expression, event handler and attribute binding to JavaScript classes of
 * its own (about 170 B minified each, some 570 of them in the client). A block costs two such classes however many
 * bindings it holds; the names are resolved by one switch in the view. The markers are read once, at the first
 * render, and removed, so the DOM is what the Flavour bindings gave. Only markup that exists then is bound: content
 * of a {@code std:if} or {@code std:foreach} inside the block needs its own {@code ui:bind} (or Flavour's
 * bindings). Blocks may nest: a block leaves the markers inside an inner block to that block.
 */
@BindAttributeComponent(name = "bind")
public class BlockBinder implements Renderable {
    private static final int TEXT = 0;
    private static final int ATTRIBUTE = 1;
    private static final int CHECKED = 2;
    private static final int ENABLED = 3;
    private static final int LIVE = 4;
    private static final int OPTIONS = 5;
    private static final int BADGE = 6;
    private static final int EVENT = 7;

    private final HTMLElement root;
    private Supplier<Object> source;
    private Bindable current;
    private List<Target> targets;

    public BlockBinder(ModifierTarget target) {
        this.root = target.getElement();
        markBlock(root);
    }

    @BindContent
    public void setSource(Supplier<Object> source) {
        this.source = source;
    }

    @Override
    public void render() {
        current = (Bindable) source.get();
        if (targets == null) {
            targets = collect();
        }
        for (Target target : targets) {
            target.render();
        }
    }

    @Override
    public void destroy() {
        if (targets != null) {
            for (Target target : targets) {
                if (target.kind == EVENT) {
                    target.element.removeEventListener(target.name, target);
                } else if (target.kind == LIVE) {
                    ((LiveValueBinder) target.helper).destroy();
                }
            }
        }
    }

    private List<Target> collect() {
        List<Target> found = new ArrayList<>();
        JSArray<HTMLElement> elements = markedElements(root);
        for (int i = 0; i < elements.getLength(); i++) {
            HTMLElement element = elements.get(i);
            String spec = element.getAttribute("data-bind");
            element.removeAttribute("data-bind");
            int start = 0;
            while (start < spec.length()) {
                int end = spec.indexOf(' ', start);
                if (end < 0) {
                    end = spec.length();
                }
                if (end > start) {
                    found.add(target(element, spec.substring(start, end)));
                }
                start = end + 1;
            }
        }
        return found;
    }

    private Target target(HTMLElement element, String pair) {
        int colon = pair.indexOf(':');
        if (colon <= 0 || colon == pair.length() - 1) {
            throw new IllegalArgumentException("data-bind wants target:key, got " + pair);
        }
        String name = pair.substring(0, colon);
        Target target = new Target(element, kindOf(name), name, pair.substring(colon + 1));
        switch (target.kind) {
            case LIVE -> target.helper = new LiveValueBinder(element);
            case OPTIONS -> target.helper = new OptionsBinder(element);
            case BADGE -> target.helper = new BadgeBinder(element);
            case EVENT -> {
                target.name = name.substring(3);
                element.addEventListener(target.name, target);
            }
            default -> { }
        }
        return target;
    }

    private static int kindOf(String name) {
        return switch (name) {
            case "text" -> TEXT;
            case "checked" -> CHECKED;
            case "enabled" -> ENABLED;
            case "live" -> LIVE;
            case "options" -> OPTIONS;
            case "badge" -> BADGE;
            default -> name.startsWith("on-") ? EVENT : ATTRIBUTE;
        };
    }

    /** One binding of the block: what to write (or which event to hear) on which element, and what it last wrote. */
    private final class Target implements EventListener<Event> {
        final HTMLElement element;
        final int kind;
        String name;
        final String key;
        Object helper;
        Object shown;
        boolean rendered;

        Target(HTMLElement element, int kind, String name, String key) {
            this.element = element;
            this.kind = kind;
            this.name = name;
            this.key = key;
        }

        void render() {
            if (kind == EVENT) {
                return;
            }
            Object value = current.value(key);
            switch (kind) {
                case LIVE -> ((LiveValueBinder) helper).show((LiveField) value);
                case OPTIONS -> ((OptionsBinder) helper).show(value);
                case BADGE -> ((BadgeBinder) helper).show(value);
                default -> {
                    if (rendered && Objects.equals(value, shown)) {
                        return;
                    }
                    rendered = true;
                    shown = value;
                    write(element, kind, name, value == null ? null : String.valueOf(value));
                }
            }
        }

        @Override
        public void handleEvent(Event event) {
            current.act(key);
            Templates.update();
            if (name.equals("submit")) {
                event.preventDefault();
            }
        }
    }

    @JSBody(params = "block", script = "block.vaultSyncBlock = true;")
    private static native void markBlock(HTMLElement block);

    /** The elements with a data-bind marker in {@code block} (itself included), except those of inner blocks. */
    @JSBody(params = "block", script = ""
            + "var found = block.hasAttribute('data-bind') ? [block] : [];"
            + "var marked = block.querySelectorAll('[data-bind]');"
            + "for (var index = 0; index < marked.length; index++) {"
            + "  var node = marked[index];"
            + "  if (node.vaultSyncBlock) continue;"
            + "  var owner = node.parentNode;"
            + "  while (!owner.vaultSyncBlock) owner = owner.parentNode;"
            + "  if (owner === block) found.push(node);"
            + "}"
            + "return found;")
    private static native JSArray<HTMLElement> markedElements(HTMLElement block);

    /** Writes {@code text} (null: absent) as the element's text, an attribute, or its checked / enabled state. */
    @JSBody(params = {"element", "kind", "name", "text"}, script = ""
            + "if (kind === 0) element.textContent = text;"
            + "else if (kind === 2) element.checked = text === 'true';"
            + "else if (kind === 3) element.disabled = text !== 'true';"
            + "else if (text === null) element.removeAttribute(name);"
            + "else element.setAttribute(name, text);")
    private static native void write(HTMLElement element, int kind, String name, String text);
}
