package org.vaultsync.crdt;

/** Receives the update (v1 bytes) of every transaction that changed the document. */
@FunctionalInterface
public interface UpdateListener {
    void onUpdate(byte[] update, Object origin, Transaction transaction);
}
