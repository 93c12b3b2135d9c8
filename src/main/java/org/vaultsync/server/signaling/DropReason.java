package org.vaultsync.server.signaling;

import java.util.Locale;

/** Why an incoming message was not acted upon (the connection stays open unless a {@link CloseReason} applies). */
public enum DropReason {
    /** Valid JSON that is not an object, or an object without a string {@code type}. */
    NOT_A_MESSAGE,
    /** A known type with a field of the wrong type (e.g. {@code topics} not an array). */
    INVALID_FIELD,
    /** A {@code type} this protocol does not define: ignored, as y-webrtc's server does. */
    UNKNOWN_TYPE,
    /** A subscribe entry that is not a string or is longer than the topic limit. */
    INVALID_TOPIC,
    /** A publish to a topic nobody (on any node) listens to. */
    NO_SUBSCRIBERS,
    /** A publish that could not be handed to Redis (other nodes miss it; local delivery still happened). */
    CLUSTER_UNAVAILABLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
