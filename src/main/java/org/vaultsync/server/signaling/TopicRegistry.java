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
     */
    int deliver(String topic, Map<String, Object> message) {
        Set<SignalingSession> subscribers = topics.get(topic);
        if (subscribers == null) {
            return 0;
        }
        int count = subscribers.size();
        if (count == 0) {
            return 0;
        }
        message.put("clients", count);
        String text;
        try {
            text = Json.stringify(message);
        } catch (JsonException e) {
            throw new IllegalStateException("A parsed message must serialise again", e);
        }
        // Encoded once for all subscribers; each send writes from its own view of the same bytes.
        ByteBuffer payload = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        for (SignalingSession subscriber : subscribers) {
            subscriber.send(payload);
        }
        return count;
    }
}
