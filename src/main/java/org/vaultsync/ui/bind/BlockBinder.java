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
 * <li>{@code if:key} as {@code std:if} around the element: while the Boolean is false the element is out of the
 * document (a comment holds its place) and none of this block's markers inside it is read or written (an inner
 * block or a Flavour component inside it still renders, as the element is kept: its values must be safe to read
 * while it is out),</li>
 * <li>any other target is an attribute ({@code id:inputId}, {@code aria-invalid:ariaInvalid}) as {@code attr:}.</li>
 * </ul>
 *
 * <p>Why: Flavour compiles every template expression, event handler and attribute binding to JavaScript classes of
 * its own (about 170 B minified each, some 570 of them in the client). A block costs two such classes however many
 * bindings it holds; the names are resolved by one switch in the view. The markers are read once, at the first
 * render, and removed, so the DOM is what the Flavour bindings gave. Only markup that exists then is bound: content
 * of a {@code std:if} or {@code std:foreach} inside the block needs its own {@code ui:bind} (or Flavour's
 * bindings). Blocks may nest: a block leaves the markers inside an inner block to that block.
 *
 * <p>{@code if:} costs one marker where {@code std:if} costs four generated classes (condition, fragment, its DOM
 * builder, the component wiring; about 130 B of gzip each). It differs from {@code std:if} in one way: the element
 * is built once and put back as it was, so it suits content whose state all comes from bindings. Two rules keep
 * Flavour's own bookkeeping right: not on the block's element itself (that one may be a node Flavour moves), and
 * not right after a Flavour component ({@code std:if}, {@code std:foreach}, {@code html:text}) among its siblings,
 * since Flavour inserts that component's nodes before the next sibling.
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
    private static final int IF = 8;

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
        List<Target> conditions = new ArrayList<>();
        JSArray<HTMLElement> elements = markedElements(root);
        for (int i = 0; i < elements.getLength(); i++) {
            HTMLElement element = elements.get(i);
            String spec = element.getAttribute("data-bind");
            element.removeAttribute("data-bind");
            int first = found.size();
            int start = 0;
            while (start < spec.length()) {
                int end = spec.indexOf(' ', start);
                if (end < 0) {
                    end = spec.length();
                }
                if (end > start) {
                    Target target = target(element, spec.substring(start, end));
                    if (target.kind == IF && found.size() > first) {
                        // it guards the element's other bindings, so it must be rendered before them
                        throw new IllegalArgumentException("if: must come first in data-bind: " + spec);
                    }
                    found.add(target);
                }
                start = end + 1;
            }
            for (int j = first; j < found.size(); j++) {
                Target target = found.get(j);
                while (!conditions.isEmpty() && !contains(conditions.get(conditions.size() - 1).element, element)) {
                    conditions.remove(conditions.size() - 1);
                }
                target.guard = conditions.isEmpty() ? null : conditions.get(conditions.size() - 1);
                if (target.kind == IF) {
                    conditions.add(target);
                }
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
            case IF -> {
                if (element == root) {
                    throw new IllegalArgumentException("if: cannot be on the ui:bind element itself: " + pair);
                }
                target.attached = true;
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
            case "if" -> IF;
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
        /** The innermost {@code if:} around this element (or on it), null if none. */
        Target guard;
        /** For an {@code if:}: its element is in its place (not swapped out for the comment). */
        boolean attached;
        /** For an {@code if:}: its element is in the page (in its place, and every outer if: is too). */
        boolean showing;

        Target(HTMLElement element, int kind, String name, String key) {
            this.element = element;
            this.kind = kind;
            this.name = name;
            this.key = key;
        }

        void render() {
            boolean inView = guard == null || guard.showing;
            if (kind == IF) {
                // out of view (an outer if: is false): leave it as it is, the outer one holds it out of the page
                boolean show = inView && (Boolean) current.value(key);
                if (inView && show != attached) {
                    place(element, show);
                    attached = show;
                }
                showing = show;
                return;
            }
            if (kind == EVENT || !inView) {
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

    @JSBody(params = {"outer", "inner"}, script = "return outer.contains(inner);")
    private static native boolean contains(HTMLElement outer, HTMLElement inner);

    /** Puts the element back in its place, or takes it out and leaves a comment there. */
    @JSBody(params = {"element", "shown"}, script = ""
            + "var place = element.vaultSyncPlace || (element.vaultSyncPlace = document.createComment(''));"
            + "if (shown) place.parentNode.replaceChild(element, place);"
            + "else element.parentNode.replaceChild(place, element);")
    private static native void place(HTMLElement element, boolean shown);

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
