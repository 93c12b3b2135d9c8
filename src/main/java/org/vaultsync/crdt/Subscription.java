package org.vaultsync.crdt;

/** Stops a listener registered with {@code observe}, {@code observeDeep} or {@link Doc#onUpdate}. */
@FunctionalInterface
public interface Subscription {
    void unsubscribe();
}
