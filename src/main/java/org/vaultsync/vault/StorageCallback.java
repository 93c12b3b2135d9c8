package org.vaultsync.vault;

/** The end of an asynchronous storage operation (IndexedDB in the browser): exactly one of the two is called. */
public interface StorageCallback<T> {
    void done(T result);

    void failed(String message);
}
