package org.vaultsync.sync;

import org.vaultsync.presence.PeerIdentity;

/** The events the sync layer reports to the API and the UI (product.md §2). */
public sealed interface SyncEvent {
    /** The event's name as the API spells it, e.g. {@code peer-joined}. */
    String type();

    record Connected(String roomCode) implements SyncEvent {
        public String type() {
            return "connected";
        }
    }

    record Disconnected(String reason) implements SyncEvent {
        public String type() {
            return "disconnected";
        }
    }

    record PeerJoined(PeerIdentity peer) implements SyncEvent {
        public String type() {
            return "peer-joined";
        }
    }

    record PeerLeft(String peerId, String name) implements SyncEvent {
        public String type() {
            return "peer-left";
        }
    }

    record SyncStarted() implements SyncEvent {
        public String type() {
            return "sync-started";
        }
    }

    record SyncCompleted() implements SyncEvent {
        public String type() {
            return "sync-completed";
        }
    }

    record Error(String message) implements SyncEvent {
        public String type() {
            return "error";
        }
    }

    /** The room's stored document is applied (before any connection); {@code skipped} stored changes were damaged. */
    record RoomLoaded(String roomCode, int applied, int skipped) implements SyncEvent {
        public String type() {
            return "room-loaded";
        }
    }

    /** Saving or reading this device's copy failed; the message is fit to show. Syncing carries on. */
    record StorageError(String message) implements SyncEvent {
        public String type() {
            return "storage-error";
        }
    }

    /** Our password does not open this room: someone already there uses another one (see docs/security.md). */
    record WrongPassword(String roomCode) implements SyncEvent {
        public String type() {
            return "wrong-password";
        }
    }

    /** Someone in the room uses another password; the room keeps working for us and everyone who shares ours. */
    record PasswordMismatch() implements SyncEvent {
        public String type() {
            return "password-mismatch";
        }
    }

    /** The room to resume (or a link opened) needs its password: no key for it is stored on this device. */
    record PasswordRequired(String roomCode) implements SyncEvent {
        public String type() {
            return "password-required";
        }
    }
}
