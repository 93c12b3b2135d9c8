package org.vaultsync.protocol;

import java.util.List;

/**
 * The JSON messages between a y-webrtc client and its signaling server (y-webrtc.md §1). {@link Publish#data()} is
 * kept as the parsed JSON value (an object in plain rooms, a base64 string in password rooms) because the server
 * must forward it untouched.
 */
public sealed interface SignalingMessage {
    record Subscribe(List<String> topics) implements SignalingMessage {
        public Subscribe {
            topics = List.copyOf(topics);
        }
    }

    record Unsubscribe(List<String> topics) implements SignalingMessage {
        public Unsubscribe {
            topics = List.copyOf(topics);
        }
    }

    /**
     * @param clients number of subscribers the server counted when it forwarded this message; {@code null} on the
     *                client-to-server direction
     */
    record Publish(String topic, Object data, Integer clients) implements SignalingMessage {
        public Publish(String topic, Object data) {
            this(topic, data, null);
        }
    }

    record Ping() implements SignalingMessage {
    }

    record Pong() implements SignalingMessage {
    }
}
