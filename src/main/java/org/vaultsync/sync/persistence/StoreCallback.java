package org.vaultsync.sync.persistence;

/** Completion of an asynchronous storage operation (IndexedDB is asynchronous); exactly one method is called. */
public interface StoreCallback<T> {
    void done(T value);

    /** {@code message} is fit to show, e.g. "Storage is full". */
    void failed(String message);
}
