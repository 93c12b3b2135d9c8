package org.vaultsync.vault;

/** How a field is validated, stored and laid out in the room's document (see docs/vault-format.md). */
public enum FieldKind {
    /** A short string, replaced as a whole. */
    TEXT,
    /** Text people type into (notes, description): merged per character once the engine has Y.Text. */
    LONG_TEXT,
    /** A whole number within a range. */
    INTEGER,
    /** Any finite number within a range. */
    NUMBER,
    /** One of a closed set of {@link Choice} values, stored by its wire spelling. */
    CHOICE,
    /** A growing list of short strings (abilities). */
    TEXT_LIST,
    /** A growing list of equipment entries {@code {name, location}}. */
    EQUIPMENT_LIST,
    /** Points per location (armor): location name → whole number. */
    POINTS_BY_LOCATION,
    /** A force's slots: {@code [{slot, position, pilotId?, unitId?}]}. */
    ASSIGNMENTS;

    // The vault's code tests kinds with == and these two, not with a switch: a switch on an enum outside the enum
    // compiles to a lookup table class of its own per switching class (four of them in the client for this enum).

    /** A growing list, a Y.Array in the room. */
    boolean isList() {
        return this == TEXT_LIST || this == EQUIPMENT_LIST;
    }

    /** A number typed as text. */
    boolean isNumber() {
        return this == INTEGER || this == NUMBER;
    }
}
