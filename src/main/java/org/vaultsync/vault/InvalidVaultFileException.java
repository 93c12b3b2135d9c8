package org.vaultsync.vault;

/** A vault file that is not ours, damaged, truncated or from a newer format; nothing was imported. */
public final class InvalidVaultFileException extends Exception {
    public InvalidVaultFileException(String message) {
        super(message);
    }
}
