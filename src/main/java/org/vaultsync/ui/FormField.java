package org.vaultsync.ui;

import java.util.List;
import org.vaultsync.ui.bind.Bindable;
import org.vaultsync.ui.bind.LiveField;
import org.vaultsync.vault.FieldKind;
import org.vaultsync.vault.FieldSpec;
import org.vaultsync.vault.FieldText;
import org.vaultsync.vault.InvalidItemException;
import org.vaultsync.vault.JsonValues;

/**
 * One field of an item form. While what the player typed is not a valid value, the control keeps their text and
 * the message shows next to it; a valid value is saved at once (or kept in the draft while creating). When the
 * stored value changes from elsewhere (a peer, another tab, a skill template), the control shows the new value.
 */
public final class FormField implements LiveField, Bindable {
    private final ItemFormView form;
    private final FieldSpec spec;
    private String typed;
    private String error;

    /** {@code spec} null: the item's name. */
    FormField(ItemFormView form, FieldSpec spec) {
        this.form = form;
        this.spec = spec;
    }

    public String getKey() {
        return spec == null ? "name" : spec.key();
    }

    public String getLabel() {
        return spec == null ? "Name" : spec.label();
    }

    public String getInputId() {
        return "field-" + getKey();
    }

    public String getErrorId() {
        return "error-" + getKey();
    }

    public String getHintId() {
        return "hint-" + getKey();
    }

    /** The ids that describe the control: its hint and, when there is one, its message. */
    public String getDescribedBy() {
        return error == null ? getHintId() : getHintId() + " " + getErrorId();
    }

    public String getError() {
        return error == null ? "" : error;
    }

    public boolean isInvalid() {
        return error != null;
    }

    public String getAriaInvalid() {
        return error == null ? "false" : "true";
    }

    public String getHint() {
        if (spec == null) {
            return "Required, up to 100 characters";
        }
        // tested with ==, not a switch on the enum (a switch-map class more in the client)
        FieldKind kind = spec.kind();
        if (kind == FieldKind.INTEGER || kind == FieldKind.NUMBER) {
            String range = "From " + Numbers.grouped(spec.min()) + " to " + Numbers.grouped(spec.max());
            return spec.key().equals("tonnage") ? range + " tons \u00b7 " + form.getWeightClassText() : range;
        } else if (kind == FieldKind.TEXT_LIST) {
            return "One per line";
        } else if (kind == FieldKind.EQUIPMENT_LIST) {
            return "One per line, location in brackets: Medium Laser (RA)";
        } else if (kind == FieldKind.POINTS_BY_LOCATION) {
            return "One location per line: HD: 9";
        } else if (kind == FieldKind.LONG_TEXT) {
            return "Shared notes: people in the room can type here at the same time";
        } else if (kind == FieldKind.CHOICE) {
            return "";
        }
        return "Up to " + spec.maxLength() + " characters";
    }

    public boolean isChoice() {
        return spec != null && spec.kind() == FieldKind.CHOICE;
    }

    /** A multi-line control: notes, description and the one-per-line lists. */
    public boolean isMultiline() {
        return spec != null && (spec.kind() == FieldKind.LONG_TEXT || spec.kind() == FieldKind.TEXT_LIST
                || spec.kind() == FieldKind.EQUIPMENT_LIST || spec.kind() == FieldKind.POINTS_BY_LOCATION);
    }

    public boolean isSingleLine() {
        return !isChoice() && !isMultiline();
    }

    public boolean isNumeric() {
        return spec != null && (spec.kind() == FieldKind.INTEGER || spec.kind() == FieldKind.NUMBER);
    }

    public String getInputMode() {
        return !isNumeric() ? "text" : spec.kind() == FieldKind.INTEGER ? "numeric" : "decimal";
    }

    /** Wide fields take a whole row of the form grid. */
    public String getCssClass() {
        return "field" + (isMultiline() ? " wide" : "") + (error != null ? " invalid" : "");
    }

    public List<Option> getOptions() {
        return Option.of(spec.choices(), null);
    }

    /** What the field's block in item-form.html binds ({@code ui:bind}). */
    @Override
    public Object value(String key) {
        return switch (key) {
            case "class" -> getCssClass();
            case "wideClass" -> getCssClass() + " wide";
            case "key" -> getKey();
            case "label" -> getLabel();
            case "inputId" -> getInputId();
            case "inputMode" -> getInputMode();
            case "ariaInvalid" -> getAriaInvalid();
            case "describedBy" -> getDescribedBy();
            case "hintId" -> getHintId();
            case "hint" -> getHint();
            case "errorId" -> getErrorId();
            case "error" -> getError();
            case "options" -> getOptions();
            case "live" -> this;
            case "singleLine" -> isSingleLine();
            case "choice" -> isChoice();
            case "multiline" -> isMultiline();
            default -> throw Bindable.unknown(key);
        };
    }

    @Override
    public String text() {
        Object stored = form.valueOf(getKey());
        if (typed != null) {
            if (error != null) {
                return typed;
            }
            FieldText.Parsed parsed = parse(typed);
            if (parsed.ok() && JsonValues.same(parsed.value(), stored)) {
                return typed; // "3.0" stays as typed while it means what is stored
            }
            typed = null; // the stored value changed elsewhere: show it
        }
        if (spec == null) {
            return stored instanceof String name ? name : "";
        }
        return FieldText.format(spec, stored);
    }

    @Override
    public void input(String text) {
        typed = text;
        FieldText.Parsed parsed = parse(text);
        if (!parsed.ok()) {
            error = parsed.error();
            return;
        }
        try {
            form.set(getKey(), parsed.value());
            error = null;
        } catch (InvalidItemException e) {
            String message = e.messageFor(getKey());
            error = message != null ? message : e.getMessage();
        }
    }

    private FieldText.Parsed parse(String text) {
        return spec == null ? FieldText.parseName(text) : FieldText.parse(spec, text, form.currentData());
    }

    /** Shows {@code message} for this field (the store refused the form), or clears it with null. */
    void fail(String message) {
        error = message;
    }

    /** Forgets what was typed, e.g. after a skill template set the value. */
    void reset() {
        typed = null;
        error = null;
    }
}
