package org.vaultsync.ui.bind;

import java.util.function.Supplier;
import org.teavm.flavour.templates.BindAttributeComponent;
import org.teavm.flavour.templates.BindContent;
import org.teavm.flavour.templates.ModifierTarget;
import org.teavm.flavour.templates.Renderable;
import org.teavm.flavour.templates.Templates;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code ui:live-value="field"} on an input, textarea or select: the control follows {@link LiveField#text} and
 * reports every keystroke ({@code input}, not only {@code change} as Flavour's own binder does), so validation
 * and search answer as the player types.
 *
 * <p>When the text changes from elsewhere (a peer typing in the same notes) while the control has focus, the
 * caret and selection stay on the same characters: positions before the changed part keep their place, positions
 * after it move by the change's length. The control is only written when its text differs, so the player's own
 * typing is never written back over itself.
 */
@BindAttributeComponent(name = "live-value")
public class LiveValueBinder implements Renderable {
    private final HTMLElement element;
    private Supplier<LiveField> field;
    private LiveField current;
    private boolean bound;

    public LiveValueBinder(ModifierTarget target) {
        this(target.getElement());
    }

    /** For {@code live:key} in a {@link BlockBinder} block. */
    LiveValueBinder(HTMLElement element) {
        this.element = element;
    }

    @BindContent
    public void setField(Supplier<LiveField> field) {
        this.field = field;
    }

    @Override
    public void render() {
        show(field.get());
    }

    void show(LiveField now) {
        current = now;
        show(element, now.text());
        if (!bound) {
            bound = true;
            element.addEventListener("input", listener);
            element.addEventListener("change", listener);
        }
    }

    @Override
    public void destroy() {
        if (bound) {
            bound = false;
            element.removeEventListener("input", listener);
            element.removeEventListener("change", listener);
        }
    }

    private final EventListener<Event> listener = this::changed;

    private void changed(Event event) {
        String text = valueOf(element);
        if (current != null && !text.equals(current.text())) {
            current.input(text);
            Templates.update();
        }
    }

    @JSBody(params = "element", script = "return element.value;")
    private static native String valueOf(HTMLElement element);

    @JSBody(params = {"element", "text"}, script = ""
            + "var old = element.value;"
            // a select's options may render after the select: set the value again once they exist
            + "if (element.tagName === 'SELECT') {"
            + "  element.value = text;"
            + "  if (element.value !== text) setTimeout(function() { element.value = text; }, 0);"
            + "  return;"
            + "}"
            + "if (old === text) return;"
            + "if (document.activeElement !== element || typeof element.selectionStart !== 'number') {"
            + "  element.value = text; return;"
            + "}"
            // locals with long names: TeaVM's minifier renames the parameters to single letters
            + "var selStart = element.selectionStart, selEnd = element.selectionEnd;"
            + "var prefix = 0;"
            + "while (prefix < old.length && prefix < text.length"
            + "    && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;"
            + "var suffix = 0;"
            + "while (suffix < old.length - prefix && suffix < text.length - prefix"
            + "    && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;"
            + "var moved = function(pos) {"
            + "  if (pos <= prefix) return pos;"
            + "  if (pos >= old.length - suffix) return pos + text.length - old.length;"
            + "  return text.length - suffix;"
            + "};"
            + "element.value = text;"
            + "try { element.setSelectionRange(moved(selStart), moved(selEnd)); } catch (err) {}")
    private static native void show(HTMLElement element, String text);
}
