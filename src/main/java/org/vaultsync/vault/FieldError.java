package org.vaultsync.vault;

/** One problem with one field: {@code field} is the data key ("name" for the item's name), {@code message} says what. */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return message;
    }
}
