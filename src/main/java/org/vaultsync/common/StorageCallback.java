package org.vaultsync.common;

/**
 * The end of an asynchronous storage operation (IndexedDB in the browser is asynchronous): exactly one of the two
 * methods is called, once, on the caller's thread. {@code failed} gets a message fit to show, e.g. "this device is
 * out of storage space". Shared by the vault's and the rooms' storage.
 */
public interface StorageCallback<T> {
    void done(T result);

    void failed(String message);
}
