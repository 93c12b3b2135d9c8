package org.vaultsync.common;

/** A pending timer. Cancelling twice, or after it fired, is harmless. */
@FunctionalInterface
public interface Cancellable {
    void cancel();
}
