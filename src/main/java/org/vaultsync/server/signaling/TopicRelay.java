package org.vaultsync.server.signaling;

/**
 * Carries publishes to the other server nodes and back. The registry tells it which topics have local subscribers
 * (so a node only receives the rooms it serves) and hands it every publish received from a local client, as the
 * client sent it. A relay must never block: it runs on the threads that read client frames.
 */
public interface TopicRelay {
    /** What a relay calls for a publish that arrived from another node: the original frame, unmodified. */
    interface Inbound {
        void deliver(String topic, String frame);
    }

    /** Starts relaying; {@code inbound} receives other nodes' publishes. */
    void start(Inbound inbound);

    /** The first local subscriber joined {@code topic}. */
    void topicOpened(String topic);

    /** The last local subscriber left {@code topic}. */
    void topicClosed(String topic);

    /** Sends a client's publish frame to the other nodes; {@code false} if it could not be handed over now. */
    boolean publish(String topic, String frame);

    /** Whether other nodes may exist at all (false for a single embedded node). */
    boolean clustered();

    void writePrometheus(StringBuilder out);

    void stop();

    /** One process, no other nodes: the default. */
    TopicRelay LOCAL_ONLY = new TopicRelay() {
        @Override
        public void start(Inbound inbound) {
        }

        @Override
        public void topicOpened(String topic) {
        }

        @Override
        public void topicClosed(String topic) {
        }

        @Override
        public boolean publish(String topic, String frame) {
            return true;
        }

        @Override
        public boolean clustered() {
            return false;
        }

        @Override
        public void writePrometheus(StringBuilder out) {
        }

        @Override
        public void stop() {
        }
    };
}
