package org.vaultsync.vault;

import org.vaultsync.common.StorageCallback;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * {@link VaultStorage} in memory (JVM, tests). Callbacks go through {@code deliver}: {@code Runnable::run} answers at
 * once; a queue a test drains later behaves like IndexedDB, whose answers always come later. The records survive as
 * long as this object, so a second store opened on it sees what the first one wrote (a "reload").
 */
public final class MemoryVaultStorage implements VaultStorage {
    private final Map<String, String> records = new LinkedHashMap<>();
    private final Executor deliver;
    private String failure;

    public MemoryVaultStorage() {
        this(Runnable::run);
    }

    public MemoryVaultStorage(Executor deliver) {
        this.deliver = deliver;
    }

    /** From now on every operation fails with {@code message} (null: works again), like a full disk. */
    public void failWith(String message) {
        this.failure = message;
    }

    /** The stored records (a copy). */
    public Map<String, String> records() {
        return new LinkedHashMap<>(records);
    }

    /** Writes a record directly, as another tab or a corrupted database would. */
    public void putRaw(String id, String record) {
        records.put(id, record);
    }

    @Override
    public void loadAll(StorageCallback<Map<String, String>> done) {
        String problem = failure;
        Map<String, String> copy = new LinkedHashMap<>(records);
        deliver.execute(() -> {
            if (problem != null) {
                done.failed(problem);
            } else {
                done.done(copy);
            }
        });
    }

    @Override
    public void put(String id, String record, StorageCallback<Void> done) {
        String problem = failure;
        if (problem == null) {
            records.put(id, record);
        }
        deliver.execute(() -> finish(problem, done));
    }

    @Override
    public void delete(String id, StorageCallback<Void> done) {
        String problem = failure;
        if (problem == null) {
            records.remove(id);
        }
        deliver.execute(() -> finish(problem, done));
    }

    private static void finish(String problem, StorageCallback<Void> done) {
        if (problem != null) {
            done.failed(problem);
        } else {
            done.done(null);
        }
    }
}
