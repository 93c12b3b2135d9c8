package org.vaultsync.crdt.update;

/**
 * An update (or state vector) that cannot be applied: truncated, malformed, or inconsistent in itself. Raised
 * before anything is integrated, so the document is exactly as it was.
 */
public class InvalidUpdateException extends Exception {
    public InvalidUpdateException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidUpdateException(String message) {
        super(message);
    }
}
