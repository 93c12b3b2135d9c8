package org.vaultsync.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plaintext {@code publish.data} payloads of a y-webrtc room (y-webrtc.md §1.1): "I am here" and WebRTC
 * negotiation addressed to one peer. {@code from}/{@code to} are per-session signaling peer ids, not identities.
 */
public sealed interface RoomSignal {
    String from();

    record Announce(String from) implements RoomSignal {
    }

    /**
     * @param token  glare token ({@code Date.now() + Math.random()} in y-webrtc); {@code NaN} when absent, which
     *               loses every glare comparison just as {@code undefined} does in JavaScript
     * @param signal the WebRTC signal (offer, answer or candidate) as a JSON object, opaque to this layer
     */
    record Signal(String from, String to, double token, Map<String, Object> signal) implements RoomSignal {
        public Signal {
            // keeps key order: the signal is re-serialised and must read as the sender wrote it
            signal = Collections.unmodifiableMap(new LinkedHashMap<>(signal));
        }

        /** The signal's {@code type}: offer, answer, candidate, ... */
        public String signalType() {
            Object type = signal.get("type");
            return type instanceof String s ? s : "";
        }
    }
}
