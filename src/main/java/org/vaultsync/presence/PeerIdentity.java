package org.vaultsync.presence;

/**
 * Who a peer is, as carried in the awareness {@code user} field {@code {id, name, color}}. {@code id} is stable per
 * install (it survives reloads and room switches), so the peer list can merge several connections of one person.
 */
public record PeerIdentity(String id, String name, String color) {
    public PeerIdentity {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("peer id must not be empty");
        }
        if (name == null) {
            name = "";
        }
        if (color == null) {
            color = "";
        }
    }
}
