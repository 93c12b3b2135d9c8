package org.vaultsync.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@link RoomSignal}s to and from the JSON objects y-webrtc puts in {@code publish.data}, keys in its order. */
public final class RoomSignalCodec {
    private RoomSignalCodec() {
    }

    public static Map<String, Object> toJson(RoomSignal message) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (message instanceof RoomSignal.Announce announce) {
            json.put("type", "announce");
            json.put("from", announce.from());
        } else {
            RoomSignal.Signal signal = (RoomSignal.Signal) message;
            json.put("to", signal.to());
            json.put("from", signal.from());
            json.put("type", "signal");
            if (!Double.isNaN(signal.token())) {
                json.put("token", signal.token());
            }
            json.put("signal", signal.signal());
        }
        return json;
    }

    /** Reads a plaintext payload; anything else (a password room's base64 string, junk) is a ProtocolException. */
    @SuppressWarnings("unchecked")
    public static RoomSignal fromJson(Object data) throws ProtocolException {
        if (!(data instanceof Map<?, ?> object)) {
            throw new ProtocolException("Room message is not a JSON object");
        }
        if (!(object.get("from") instanceof String from) || from.isEmpty()) {
            throw new ProtocolException("Room message has no sender");
        }
        Object type = object.get("type");
        if ("announce".equals(type)) {
            return new RoomSignal.Announce(from);
        }
        if (!"signal".equals(type)) {
            throw new ProtocolException("Unknown room message type: " + type);
        }
        if (!(object.get("to") instanceof String to)) {
            throw new ProtocolException("Signal has no recipient");
        }
        if (!(object.get("signal") instanceof Map<?, ?> signal) || !(signal.get("type") instanceof String)) {
            throw new ProtocolException("Signal has no WebRTC signal");
        }
        Object token = object.get("token");
        double glareToken = token instanceof Number n ? n.doubleValue() : Double.NaN;
        return new RoomSignal.Signal(from, to, glareToken, (Map<String, Object>) signal);
    }
}
