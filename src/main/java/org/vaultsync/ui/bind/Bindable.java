package org.vaultsync.ui.bind;

/**
 * What a {@code ui:bind} block ({@link BlockBinder}) reads and does, by the names its {@code data-bind} markers
 * use: one switch per view or row instead of one generated class per template expression.
 */
public interface Bindable {
    /**
     * The value named {@code key}: a String (or number) for a text or an attribute (null removes the attribute), a
     * Boolean for {@code checked}/{@code enabled}, a {@link LiveField} for {@code live}, a list of
     * {@link SelectOption} for {@code options}, a {@link BadgeLook} for {@code badge}. Throw
     * {@link #unknown(String)} for any other name.
     */
    Object value(String key);

    /** Runs the action named {@code key} ({@code on-click:key} and the like); the page re-renders afterwards. */
    default void act(String key) {
        throw unknown(key);
    }

    /** The error for a name the template uses and the view does not know: a typo in a {@code data-bind}. */
    static IllegalArgumentException unknown(String key) {
        return new IllegalArgumentException("Nothing is bound to " + key);
    }
}
