package org.vaultsync.vault;

import java.util.List;

/** An item (or a change to it) breaks the schema's rules; nothing was changed. {@link #errors} names each field. */
public final class InvalidItemException extends IllegalArgumentException {
    private final List<FieldError> errors;

    public InvalidItemException(List<FieldError> errors) {
        super(join(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The message for {@code field}, or null when that field is fine. */
    public String messageFor(String field) {
        for (FieldError error : errors) {
            if (error.field().equals(field)) {
                return error.message();
            }
        }
        return null;
    }

    private static String join(List<FieldError> errors) {
        StringBuilder out = new StringBuilder();
        for (FieldError error : errors) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(error.message());
        }
        return out.toString();
    }
}
