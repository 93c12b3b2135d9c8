package org.vaultsync.crdt.encoding;

/**
 * Bytes that are not a valid lib0 encoding: truncated, malformed UTF-8, an unknown tag, a number out of range, or a
 * length that claims more bytes than there are. The message says what was expected and at which offset.
 */
public class DecodingException extends Exception {
    public DecodingException(String message) {
        super(message);
    }

    public DecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
