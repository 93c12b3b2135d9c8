package org.vaultsync.ui.bind;

/** A form control's text, read on every render and told about every keystroke (see {@link LiveValueBinder}). */
public interface LiveField {
    /** What the control should show now. */
    String text();

    /** The player changed the control to {@code text}. */
    void input(String text);
}
