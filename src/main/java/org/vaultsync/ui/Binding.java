package org.vaultsync.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vaultsync.ui.bind.LiveField;

/** A {@link LiveField} made of a getter and a setter (search boxes, filters, sort). */
final class Binding implements LiveField {
    private final Supplier<String> getter;
    private final Consumer<String> setter;

    Binding(Supplier<String> getter, Consumer<String> setter) {
        this.getter = getter;
        this.setter = setter;
    }

    @Override
    public String text() {
        return getter.get();
    }

    @Override
    public void input(String text) {
        setter.accept(text);
    }
}
