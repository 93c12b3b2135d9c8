package org.vaultsync.server.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;
import org.vaultsync.server.cluster.RedisProcess;

/** Two server nodes joined by a real redis-server: rooms span nodes, and losing Redis only loses the span. */
class MultiNodeSignalingTest {
    private static final String CHANNEL = "vaultsync:signal:room";
    private RedisProcess redis;
    private VaultSyncServer nodeA;
    private VaultSyncServer nodeB;

    @BeforeEach
    void start() throws Exception {
        redis = RedisProcess.start();
        ServerConfig config = new ServerConfig("127.0.0.1", 0).withRedis(redis.url());
        nodeA = VaultSyncServer.start(config, WebAppAssets.fromClasspath());
        nodeB = VaultSyncServer.start(config, WebAppAssets.fromClasspath());
    }

    @AfterEach
    void stop() throws Exception {
        if (nodeA != null) {
            nodeA.stop();
        }
        if (nodeB != null) {
            nodeB.stop();
        }
        redis.close();
    }

    private void awaitRedisSubscribers(long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (redis.subscribers(CHANNEL) != expected) {
            assertTrue(System.currentTimeMillis() < deadline, "both nodes subscribe to the room in Redis");
            Thread.sleep(20);
        }
    }

    /** Subscribers and publishers reconnect on their own backoff: wait until the node can publish too. */
    private static void awaitClusterConnected(VaultSyncServer node) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (SignalingProtocolTest.value(SignalingProtocolTest.metrics(node.baseUri()), "vaultsync_cluster_redis_connected") != 1) {
            assertTrue(System.currentTimeMillis() < deadline, "the node reconnects both Redis connections");
            Thread.sleep(20);
        }
    }

    private static String publish(String from) {
        return "{\"type\":\"publish\",\"topic\":\"room\",\"data\":{\"type\":\"announce\",\"from\":\"" + from + "\"}}";
    }

    private static String delivered(String from, int clients) {
        return "{\"type\":\"publish\",\"topic\":\"room\",\"data\":{\"type\":\"announce\",\"from\":\"" + from + "\"},\"clients\":" + clients + "}";
    }

    @Test
    void clientsOnDifferentNodesExchangePublishesAndLocalDeliverySurvivesLosingRedis() throws Exception {
        try (WsClient a = WsClient.connect(nodeA.signalingUri()); WsClient a2 = WsClient.connect(nodeA.signalingUri());
                WsClient b = WsClient.connect(nodeB.signalingUri())) {
            a.subscribeAndWait("room");
            b.subscribeAndWait("room");
            awaitRedisSubscribers(2);
            awaitClusterConnected(nodeA);
            awaitClusterConnected(nodeB);

            a.send(publish("a"));
            assertEquals(delivered("a", 1), a.next(), "the sender's echo comes from its own node, once");
            assertEquals(delivered("a", 1), b.next(), "the other node delivers with its own subscriber count");
            b.send(publish("b"));
            assertEquals(delivered("b", 1), b.next());
            assertEquals(delivered("b", 1), a.next());
            assertNull(a.poll(200), "no duplicate through Redis");

            redis.kill();
            a2.subscribeAndWait("room");
            a.send(publish("a-alone"));
            assertEquals(delivered("a-alone", 2), a.next());
            assertEquals(delivered("a-alone", 2), a2.next());
            assertNull(b.poll(300), "without Redis the other node is out of reach");
            long deadline = System.currentTimeMillis() + 5_000;
            while (SignalingProtocolTest.value(SignalingProtocolTest.metrics(nodeA.baseUri()), "vaultsync_cluster_publish_failures_total") < 1) {
                assertTrue(System.currentTimeMillis() < deadline, "a publish Redis cannot take is counted, not queued");
                Thread.sleep(20);
            }

            redis.restart();
            awaitRedisSubscribers(2);
            awaitClusterConnected(nodeB);
            b.send(publish("b-again"));
            assertEquals(delivered("b-again", 1), b.next());
            assertEquals(delivered("b-again", 2), a.next());
            assertEquals(delivered("b-again", 2), a2.next());
        }
    }

    @Test
    void aNodeStartedWhileRedisIsDownJoinsWhenItComesUp() throws Exception {
        nodeB.stop();
        redis.kill();
        nodeB = VaultSyncServer.start(new ServerConfig("127.0.0.1", 0).withRedis(redis.url()), WebAppAssets.fromClasspath());
        try (WsClient b = WsClient.connect(nodeB.signalingUri()); WsClient a = WsClient.connect(nodeA.signalingUri())) {
            b.subscribeAndWait("room");
            b.send(publish("b"));
            assertEquals(delivered("b", 1), b.next(), "serves local clients without Redis");
            a.subscribeAndWait("room");
            redis.restart();
            awaitRedisSubscribers(2);
            awaitClusterConnected(nodeA);
            a.send(publish("a"));
            assertEquals(delivered("a", 1), b.next());
        }
    }

    @Test
    void metricsShowTheRedisConnection() throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String body;
        do {
            body = SignalingProtocolTest.metrics(nodeA.baseUri());
        } while (SignalingProtocolTest.value(body, "vaultsync_cluster_redis_connected") != 1 && System.currentTimeMillis() < deadline);
        assertEquals(1, SignalingProtocolTest.value(body, "vaultsync_cluster_redis_connected"));
    }
}
