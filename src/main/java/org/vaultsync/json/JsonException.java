package org.vaultsync.json;

/** JSON text that cannot be read, or a value that cannot be written; the message says where and why. */
public class JsonException extends Exception {
    public JsonException(String message) {
        super(message);
    }
}
