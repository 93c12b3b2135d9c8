package org.vaultsync.vault;

/** A stored or exported item record that does not fit the format; the message says what and names the item. */
public final class InvalidRecordException extends Exception {
    public InvalidRecordException(String message) {
        super(message);
    }
}
