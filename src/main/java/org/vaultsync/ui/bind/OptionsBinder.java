package org.vaultsync.ui.bind;

import java.util.List;
import java.util.function.Supplier;
import org.teavm.flavour.templates.BindAttributeComponent;
import org.teavm.flavour.templates.BindContent;
import org.teavm.flavour.templates.ModifierTarget;
import org.teavm.flavour.templates.Renderable;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * {@code ui:options="list"} on a select: renders one {@code <option value="...">label</option>} per
 * {@link SelectOption} of the list, the DOM a {@code std:foreach} over {@code <option attr:value><html:text>} gives.
 * One binding instead of a loop, an attribute and a text per select: Flavour compiles every template expression
 * to its own JavaScript class, and the selects of the vault screens were a good share of the client's size.
 *
 * <p>The expression is read as {@code Object} (a list of any {@code SelectOption} type; Flavour's expression types
 * do not convert {@code List<Option>} to a wildcard list). The options are rebuilt only when a value or label
 * changed, and the select keeps its chosen value across a rebuild, as it does when Flavour updates a loop in place.
 * Put it before {@code ui:live-value} on the same select so the options exist when the value is set.
 */
@BindAttributeComponent(name = "options")
public class OptionsBinder implements Renderable {
    private final HTMLElement select;
    private Supplier<Object> options;
    private String[] shown = new String[0];
    private Object shownList;

    public OptionsBinder(ModifierTarget target) {
        this(target.getElement());
    }

    /** For {@code options:key} in a {@link BlockBinder} block. */
    OptionsBinder(HTMLElement select) {
        this.select = select;
    }

    @BindContent
    public void setOptions(Supplier<Object> options) {
        this.options = options;
    }

    @Override
    public void render() {
        show(options.get());
    }

    void show(Object given) {
        if (given == shownList) {
            return; // the view hands out the same list while its options are unchanged (e.g. SlotRow)
        }
        shownList = given;
        List<?> list = (List<?>) given;
        String[] pairs = new String[list.size() * 2];
        for (int i = 0; i < list.size(); i++) {
            SelectOption option = (SelectOption) list.get(i);
            pairs[2 * i] = String.valueOf(option.getValue());
            pairs[2 * i + 1] = String.valueOf(option.getLabel());
        }
        if (!sameAs(pairs)) {
            shown = pairs;
            replaceOptions(select, pairs);
        }
    }

    private boolean sameAs(String[] pairs) {
        if (pairs.length != shown.length) {
            return false;
        }
        for (int i = 0; i < pairs.length; i++) {
            if (!pairs[i].equals(shown[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void destroy() {
        shown = new String[0];
        shownList = null;
    }

    /**
     * Shows {@code pairs} (value, label, value, label, ...). With as many options as before only the options that
     * changed are touched (a force's pilot selects relabel thousands of options when one pilot moves slot, and a
     * select rebuilt from scratch costs far more than the few labels that differ); otherwise they are replaced.
     */
    @JSBody(params = {"select", "pairs"}, script = ""
            + "var chosen = select.value;"
            + "var count = pairs.length / 2;"
            + "if (select.options.length === count) {"
            + "  for (var index = 0; index < count; index++) {"
            + "    var kept = select.options[index];"
            + "    if (kept.value !== pairs[2 * index]) kept.setAttribute('value', pairs[2 * index]);"
            + "    if (kept.textContent !== pairs[2 * index + 1]) kept.textContent = pairs[2 * index + 1];"
            + "  }"
            + "} else {"
            + "  while (select.firstChild) select.removeChild(select.firstChild);"
            + "  for (var index = 0; index < pairs.length; index += 2) {"
            + "    var option = document.createElement('option');"
            + "    option.setAttribute('value', pairs[index]);"
            + "    option.appendChild(document.createTextNode(pairs[index + 1]));"
            + "    select.appendChild(option);"
            + "  }"
            + "}"
            + "select.value = chosen;"
            + "if (select.selectedIndex < 0 && select.options.length > 0) select.selectedIndex = 0;")
    private static native void replaceOptions(HTMLElement select, String[] pairs);
}
