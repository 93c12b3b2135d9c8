package org.vaultsync.crdt;

/** Receives the update (v1 bytes) of every transaction that changed the document. */
@FunctionalInterface
public interface UpdateListener {
    void onUpdate(byte[] update, Object origin, Transaction transaction);

    /**
     * False when this listener has no use for the update of a transaction from {@code origin} right now (e.g. a
     * store's own load, a sync with nobody to send to). The update is encoded only if some listener wants it: a
     * room's stored state of several MB is then applied without encoding it all again.
     */
    default boolean wantsUpdate(Object origin) {
        return true;
    }
}
