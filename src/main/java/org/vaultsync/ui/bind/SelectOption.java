package org.vaultsync.ui.bind;

/** One entry of a select as {@link OptionsBinder} renders it: {@code <option value="value">label</option>}. */
public interface SelectOption {
    String getValue();

    String getLabel();
}
