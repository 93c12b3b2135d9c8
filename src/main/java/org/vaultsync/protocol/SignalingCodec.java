package org.vaultsync.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Text frames of the signaling WebSocket, written exactly as y-webrtc writes them (same keys, same order, numbers
 * as JavaScript prints them) and read as leniently as its reference server reads them (non-string topics are
 * skipped), but never crashing on a malformed frame: that is a {@link ProtocolException}.
 */
public final class SignalingCodec {
    /** Signaling frames are small; deep nesting can only be an attack. */
    private static final int MAX_DEPTH = 32;
    private static final String PUBLISH_PREFIX = "{\"type\":\"publish\",";
    private static final String TO_KEY = "\"to\":\"";

    private SignalingCodec() {
    }

    public static String encode(SignalingMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (message instanceof SignalingMessage.Subscribe subscribe) {
            json.put("type", "subscribe");
            json.put("topics", subscribe.topics());
        } else if (message instanceof SignalingMessage.Unsubscribe unsubscribe) {
            json.put("type", "unsubscribe");
            json.put("topics", unsubscribe.topics());
        } else if (message instanceof SignalingMessage.Publish publish) {
            json.put("type", "publish");
            json.put("topic", publish.topic());
            json.put("data", publish.data());
            if (publish.clients() != null) {
                json.put("clients", publish.clients());
            }
        } else if (message instanceof SignalingMessage.Ping) {
            json.put("type", "ping");
        } else {
            json.put("type", "pong");
        }
        try {
            return Json.stringify(json);
        } catch (JsonException e) {
            throw new IllegalArgumentException("publish data is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code frame} is certainly a plaintext room signal (offer, answer, ICE candidate) addressed to a peer
     * other than {@code peerId}. Every page of a room receives every signal of the room, and in a 10-page room nine
     * in ten are someone else's: decoding each into maps was a fifth of a page's script time while the room formed,
     * and that time delayed its answers to newcomers. Read from the text without parsing: in JSON text the
     * characters {@code "to":"} can only be a key {@code to} with a string value, because a quote inside a string is
     * escaped, unless a backslash precedes them. Anything less than certain (no such key, two, an escape in the
     * value, another layout) is false, and the frame is decoded as usual.
     */
    public static boolean isSignalForAnotherPeer(String frame, String peerId) {
        if (!frame.startsWith(PUBLISH_PREFIX)) {
            return false;
        }
        int key = frame.indexOf(TO_KEY);
        if (key < 0 || frame.charAt(key - 1) == '\\' || frame.indexOf(TO_KEY, key + 1) >= 0) {
            return false;
        }
        int start = key + TO_KEY.length();
        int end = frame.indexOf('"', start);
        int escape = frame.indexOf('\\', start);
        if (end < 0 || (escape >= 0 && escape < end)) {
            return false;
        }
        return end - start != peerId.length() || !frame.startsWith(peerId, start);
    }

    public static SignalingMessage decode(String frame) throws ProtocolException {
        Object parsed;
        try {
            parsed = Json.parse(frame, MAX_DEPTH);
        } catch (JsonException e) {
            throw new ProtocolException("Signaling frame is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> object)) {
            throw new ProtocolException("Signaling frame is not a JSON object");
        }
        Object type = object.get("type");
        if (!(type instanceof String)) {
            throw new ProtocolException("Signaling frame has no type");
        }
        switch ((String) type) {
            case "subscribe":
                return new SignalingMessage.Subscribe(topics(object));
            case "unsubscribe":
                return new SignalingMessage.Unsubscribe(topics(object));
            case "publish":
                return publish(object);
            case "ping":
                return new SignalingMessage.Ping();
            case "pong":
                return new SignalingMessage.Pong();
            default:
                throw new ProtocolException("Unknown signaling message type: " + type);
        }
    }

    private static List<String> topics(Map<?, ?> object) throws ProtocolException {
        if (!(object.get("topics") instanceof List<?> list)) {
            throw new ProtocolException("topics must be an array");
        }
        List<String> topics = new ArrayList<>();
        for (Object topic : list) {
            if (topic instanceof String s) {
                topics.add(s);
            }
        }
        return topics;
    }

    private static SignalingMessage.Publish publish(Map<?, ?> object) throws ProtocolException {
        if (!(object.get("topic") instanceof String topic) || topic.isEmpty()) {
            throw new ProtocolException("publish needs a topic");
        }
        Integer clients = null;
        Object count = object.get("clients");
        if (count instanceof Number n) {
            double value = n.doubleValue();
            if (value < 0 || value > Integer.MAX_VALUE || value != Math.floor(value)) {
                throw new ProtocolException("clients must be a non-negative integer");
            }
            clients = (int) value;
        } else if (count != null) {
            throw new ProtocolException("clients must be a number");
        }
        return new SignalingMessage.Publish(topic, object.get("data"), clients);
    }
}
