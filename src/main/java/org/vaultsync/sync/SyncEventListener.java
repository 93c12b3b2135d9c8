package org.vaultsync.sync;

@FunctionalInterface
public interface SyncEventListener {
    void onEvent(SyncEvent event);
}
