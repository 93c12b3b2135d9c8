package org.vaultsync.ui;

import java.util.ArrayList;
import java.util.List;
import org.vaultsync.ui.bind.SelectOption;
import org.vaultsync.vault.Choice;

/** One entry of a select: the value it stands for and what the player reads. */
public final class Option implements SelectOption {
    private final String value;
    private final String label;

    public Option(String value, String label) {
        this.value = value;
        this.label = label;
    }

    public String getValue() {
        return value;
    }

    public String getLabel() {
        return label;
    }

    /** The choices as options, after {@code first} (e.g. "Any type") when it is not null. */
    static List<Option> of(Choice[] choices, String first) {
        List<Option> out = new ArrayList<>();
        if (first != null) {
            out.add(new Option("", first));
        }
        for (Choice choice : choices) {
            out.add(new Option(choice.wire(), choice.label()));
        }
        return out;
    }
}
