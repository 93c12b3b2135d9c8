package org.vaultsync.crdt.types;

/** How a map key changed in one transaction, with the value it had before (null when it was added). */
public record KeyChange(Action action, Object oldValue) {
    public enum Action { ADD, UPDATE, DELETE }
}
