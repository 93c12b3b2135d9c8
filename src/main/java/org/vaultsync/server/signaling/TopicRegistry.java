package org.vaultsync.server.signaling;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Topic (room) name to its local subscribers. A topic exists exactly while it has a subscriber, so memory follows
 * the live rooms; the relay hears of a topic's first and last local subscriber inside the same atomic step, which
 * keeps its subscribe/unsubscribe calls in the order the topic really opened and closed.
 */
final class TopicRegistry {
    private final ConcurrentHashMap<String, Set<SignalingSession>> topics = new ConcurrentHashMap<>();
    private final TopicRelay relay;

    TopicRegistry(TopicRelay relay) {
        this.relay = relay;
    }

    int size() {
        return topics.size();
    }

    void subscribe(String topic, SignalingSession session) {
        topics.compute(topic, (name, subscribers) -> {
            Set<SignalingSession> set = subscribers;
            if (set == null) {
                set = ConcurrentHashMap.newKeySet();
                relay.topicOpened(name);
            }
            set.add(session);
            return set;
        });
    }

    void unsubscribe(String topic, SignalingSession session) {
        topics.computeIfPresent(topic, (name, subscribers) -> {
            subscribers.remove(session);
            if (subscribers.isEmpty()) {
                relay.topicClosed(name);
                return null;
            }
            return subscribers;
        });
    }

    /**
     * Sends a publish to every local subscriber of its topic, as y-webrtc's server does: the client's object with
     * {@code clients} set to the number of (local) subscribers. Returns that number.
     *
     * @param frame the client's text, whose parse is {@code message}
     */
    int deliver(String topic, Map<String, Object> message, String frame) {
        Set<SignalingSession> subscribers = topics.get(topic);
        if (subscribers == null) {
            return 0;
        }
        int count = subscribers.size();
        if (count == 0) {
            return 0;
        }
        String text = withClients(message, frame, count);
        // Encoded once for all subscribers; each send writes from its own view of the same bytes.
        ByteBuffer payload = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        for (SignalingSession subscriber : subscribers) {
            subscriber.send(payload);
        }
        return count;
    }

    /**
     * The client's frame with {@code "clients":n} added as the object's last member. For any frame that
     * {@code JSON.stringify} produced (every y-webrtc client's) this is byte for byte what the reference server's
     * {@code JSON.stringify(message)} gives, without re-serialising every number and string. A frame that already
     * has a {@code clients} member is re-serialised instead, so the value is replaced where it stands, as in
     * JavaScript.
     */
    static String withClients(Map<String, Object> message, String frame, int count) {
        if (!message.containsKey("clients")) {
            int end = frame.length() - 1;
            while (end > 0 && Character.isWhitespace(frame.charAt(end))) {
                end--;
            }
            // The parse succeeded and gave an object, so the last non-blank character is its closing brace.
            String separator = message.isEmpty() ? "" : ",";
            return new StringBuilder(end + 16).append(frame, 0, end).append(separator).append("\"clients\":")
                    .append(count).append('}').toString();
        }
        message.put("clients", count);
        try {
            return Json.stringify(message);
        } catch (JsonException e) {
            throw new IllegalStateException("A parsed message must serialise again", e);
        }
    }
}
