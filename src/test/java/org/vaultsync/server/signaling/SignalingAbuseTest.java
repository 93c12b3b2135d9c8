package org.vaultsync.server.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;

/**
 * Each hardening rule seen from outside: the offending client gets a clear close code (or its message is ignored),
 * the server stays up and a bystander in the same room keeps exchanging messages.
 */
class SignalingAbuseTest {
    private VaultSyncServer server;

    private VaultSyncServer start(SignalingLimits limits) throws Exception {
        server = VaultSyncServer.start(new ServerConfig("127.0.0.1", 0).withLimits(limits), WebAppAssets.fromClasspath());
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private URI ws() {
        return server.signalingUri();
    }

    private long metric(String sample) throws Exception {
        return SignalingProtocolTest.value(SignalingProtocolTest.metrics(server.baseUri()), sample);
    }

    /**
     * Waits for a metric to reach its value: the server counts some closes (e.g. the 1009 Jetty sends itself) and
     * admissions on its own threads, after the client has already seen the outcome.
     */
    private void awaitMetric(String sample, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        long value = metric(sample);
        while (value != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            value = metric(sample);
        }
        assertEquals(expected, value, sample);
    }

    private static String closed(CloseReason reason) {
        return "vaultsync_signaling_connections_closed_by_server_total{reason=\"" + reason.label() + "\",code=\"" + reason.code() + "\"}";
    }

    /** Two well-behaved clients in one room still reach each other. */
    private static void assertBystandersStillTalk(WsClient a, WsClient b, String room) throws Exception {
        a.send("{\"type\":\"publish\",\"topic\":\"" + room + "\",\"data\":{\"type\":\"announce\",\"from\":\"a\"}}");
        String expected = "{\"type\":\"publish\",\"topic\":\"" + room + "\",\"data\":{\"type\":\"announce\",\"from\":\"a\"},\"clients\":2}";
        assertEquals(expected, a.next());
        assertEquals(expected, b.next());
    }

    /**
     * Over the limit: normally HTTP 429 before the upgrade; when the other connection's slot was taken only while this
     * upgrade was under way, the check at open refuses it instead, with close code 1013.
     */
    private static void assertRefused(RawWebSocket socket) throws Exception {
        if (socket.status != 429) {
            assertEquals(101, socket.status);
            assertEquals(CloseReason.TOO_MANY_CONNECTIONS.code(), socket.readUntilClose());
        }
    }

    @Test
    void malformedJsonClosesWith1007AndOtherClientsKeepWorking() throws Exception {
        start(SignalingLimits.DEFAULTS);
        try (WsClient a = WsClient.connect(ws()); WsClient b = WsClient.connect(ws()); WsClient bad = WsClient.connect(ws())) {
            a.subscribeAndWait("room");
            b.subscribeAndWait("room");
            bad.subscribeAndWait("room");
            bad.send("this is not json");
            assertEquals(1007, bad.awaitClose());
            assertEquals("malformed JSON", bad.closeReason);
            assertBystandersStillTalk(a, b, "room");
            awaitMetric(closed(CloseReason.MALFORMED_JSON), 1);
        }
    }

    @Test
    void fieldsOfTheWrongTypeAreIgnoredWithoutClosing() throws Exception {
        start(SignalingLimits.DEFAULTS);
        try (WsClient a = WsClient.connect(ws()); WsClient b = WsClient.connect(ws())) {
            a.subscribeAndWait("room");
            b.subscribeAndWait("room");
            for (String odd : new String[] {"[]", "42", "\"publish\"", "null", "{}", "{\"type\":5}", "{\"type\":null}",
                    "{\"type\":\"subscribe\",\"topics\":\"room\"}", "{\"type\":\"subscribe\",\"topics\":{\"0\":\"room\"}}",
                    "{\"type\":\"unsubscribe\",\"topics\":\"room\"}", "{\"type\":\"publish\",\"topic\":5,\"data\":{}}",
                    "{\"type\":\"publish\",\"topic\":[\"room\"],\"data\":{}}", "{\"type\":\"publish\",\"data\":{}}",
                    "{\"type\":\"subscribe\",\"topics\":[[\"room\"],1,true]}"}) {
                a.send(odd);
            }
            a.roundTrip();
            assertBystandersStillTalk(a, b, "room");
            assertTrue(metric("vaultsync_signaling_messages_dropped_total{reason=\"not_a_message\"}") >= 7);
            assertTrue(metric("vaultsync_signaling_messages_dropped_total{reason=\"invalid_field\"}") >= 6);
            assertEquals(3, metric("vaultsync_signaling_messages_dropped_total{reason=\"invalid_topic\"}"));
        }
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutHarm() throws Exception {
        start(SignalingLimits.DEFAULTS);
        try (WsClient a = WsClient.connect(ws()); WsClient b = WsClient.connect(ws()); WsClient bad = WsClient.connect(ws())) {
            a.subscribeAndWait("room");
            b.subscribeAndWait("room");
            bad.send("{\"type\":\"publish\",\"topic\":\"room\",\"data\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
            assertEquals(1007, bad.awaitClose());
            assertBystandersStillTalk(a, b, "room");
        }
    }

    @Test
    void oversizeFrameClosesWith1009WhileAFrameAtTheLimitPasses() throws Exception {
        start(SignalingLimits.DEFAULTS.withMaxFrameBytes(4096));
        try (WsClient a = WsClient.connect(ws()); WsClient b = WsClient.connect(ws()); WsClient big = WsClient.connect(ws())) {
            a.subscribeAndWait("room");
            b.subscribeAndWait("room");
            String envelope = "{\"type\":\"publish\",\"topic\":\"room\",\"data\":\"\"}";
            String atLimit = envelope.replace("\"\"", "\"" + "x".repeat(4096 - envelope.length()) + "\"");
            assertEquals(4096, atLimit.length());
            a.send(atLimit);
            assertTrue(a.next().startsWith("{\"type\":\"publish\""));
            assertTrue(b.next().startsWith("{\"type\":\"publish\""));
            big.send(envelope.replace("\"\"", "\"" + "x".repeat(5000) + "\""));
            assertEquals(1009, big.awaitClose());
            assertBystandersStillTalk(a, b, "room");
            awaitMetric(closed(CloseReason.FRAME_TOO_LARGE), 1);
        }
    }

    @Test
    void tooManyTopicsClosesWith1008() throws Exception {
        start(SignalingLimits.DEFAULTS.withMaxTopicsPerConnection(5));
        try (WsClient a = WsClient.connect(ws()); WsClient b = WsClient.connect(ws()); WsClient greedy = WsClient.connect(ws())) {
            a.subscribeAndWait("room");
            b.subscribeAndWait("room");
            greedy.subscribeAndWait("t1", "t2", "t3", "t4", "t5", "t1");
            greedy.subscribe("t6");
            assertEquals(1008, greedy.awaitClose());
            assertEquals("too many topics", greedy.closeReason);
            assertBystandersStillTalk(a, b, "room");
            assertEquals(1, metric("vaultsync_signaling_topics"), "the greedy client's topics are gone");
        }
    }

    @Test
    void tooManyConnectionsFromOneAddressAreRefusedWith429() throws Exception {
        start(SignalingLimits.DEFAULTS.withMaxConnectionsPerAddress(3));
        try (WsClient a = WsClient.connect(ws()); WsClient b = WsClient.connect(ws()); WsClient c = WsClient.connect(ws())) {
            a.subscribeAndWait("room");
            b.subscribeAndWait("room");
            awaitMetric("vaultsync_signaling_connections", 3);
            try (RawWebSocket fourth = RawWebSocket.connect(server.port())) {
                assertRefused(fourth);
            }
            assertBystandersStillTalk(a, b, "room");
            c.close();
            long deadline = System.currentTimeMillis() + 5_000;
            int status;
            do {
                try (RawWebSocket again = RawWebSocket.connect(server.port())) {
                    status = again.status;
                }
            } while (status != 101 && System.currentTimeMillis() < deadline);
            assertEquals(101, status, "a freed slot can be used again");
            assertTrue(metric("vaultsync_signaling_connections_rejected_total{reason=\"per_address_limit\"}") >= 1);
        }
    }

    @Test
    void floodingPastTheMessageRateClosesWith1008() throws Exception {
        start(SignalingLimits.DEFAULTS.withRate(20, 40));
        try (WsClient a = WsClient.connect(ws()); WsClient b = WsClient.connect(ws()); RawWebSocket flood = RawWebSocket.connect(server.port())) {
            a.subscribeAndWait("room");
            b.subscribeAndWait("room");
            try {
                for (int i = 0; i < 100; i++) {
                    flood.sendText("{\"type\":\"ping\"}");
                }
                // The first 40 (the burst) are answered, then the server closes; a client that kept blasting after
                // the close could lose the close frame to a TCP reset, so this one stops and reads.
                assertEquals(1008, flood.readUntilClose());
            } catch (java.net.SocketException resetByTheClose) {
                // On a slow machine the server can close while pings are still in flight: the kernel then resets
                // the connection and the close frame is lost (broken pipe). The server's own count proves the close.
            }
            awaitMetric(closed(CloseReason.RATE_LIMITED), 1);
            assertBystandersStillTalk(a, b, "room");
        }
    }

    @Test
    void idleConnectionIsClosedWith1001() throws Exception {
        start(SignalingLimits.DEFAULTS.withTimers(Duration.ofMillis(800), Duration.ofSeconds(30)));
        try (WsClient idle = WsClient.connect(ws()); WsClient busy = WsClient.connect(ws())) {
            long started = System.nanoTime();
            for (int i = 0; i < 16; i++) {
                busy.roundTrip();
                Thread.sleep(100);
            }
            assertFalse(busy.isClosed(), "a client that keeps talking stays");
            assertEquals(1001, idle.awaitClose());
            assertEquals("idle timeout", idle.closeReason);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 800);
        }
    }

    @Test
    void clientThatStopsAnsweringKeepAlivePingsIsClosed() throws Exception {
        start(SignalingLimits.DEFAULTS.withTimers(Duration.ofSeconds(30), Duration.ofMillis(400)));
        try (WsClient answering = WsClient.connect(ws()); RawWebSocket deaf = RawWebSocket.connect(server.port())) {
            assertEquals(101, deaf.status);
            RawWebSocket.Frame first = deaf.readFrame();
            assertEquals(RawWebSocket.PING, first.opcode(), "the server pings");
            assertEquals(1001, deaf.readUntilClose());
            Thread.sleep(1_200); // three more ping rounds, all answered by the JDK client
            assertFalse(answering.isClosed());
            answering.roundTrip();
            awaitMetric(closed(CloseReason.KEEPALIVE_TIMEOUT), 1);
        }
    }

    @Test
    void slowConsumerIsClosedInsteadOfBufferedWithoutLimit() throws Exception {
        start(SignalingLimits.DEFAULTS.withRate(10_000, 10_000).withMaxFrameBytes(64 * 1024).withMaxQueuedBytes(256 * 1024));
        try (WsClient a = WsClient.connect(ws()); WsClient b = WsClient.connect(ws());
                RawWebSocket stuck = RawWebSocket.connect(server.port(), "/signal", 4096)) {
            a.subscribeAndWait("room");
            b.subscribeAndWait("room");
            stuck.sendText("{\"type\":\"subscribe\",\"topics\":[\"room\"]}");
            a.roundTrip();
            String payload = "{\"type\":\"publish\",\"topic\":\"room\",\"data\":\"" + "y".repeat(60_000) + "\"}";
            for (int i = 0; i < 300 && metric(closed(CloseReason.SLOW_CONSUMER)) == 0; i++) {
                a.send(payload);
                a.next();
                b.next();
            }
            awaitMetric(closed(CloseReason.SLOW_CONSUMER), 1);
            long deadline = System.currentTimeMillis() + 10_000;
            while (!stuck.isConnectionDropped() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            // It never read, so it cannot see the close frame; its socket is cut after the grace period.
            assertTrue(System.currentTimeMillis() < deadline, "the stuck client's socket was cut");
            assertEquals(2, metric("vaultsync_signaling_connections"));
            b.send("{\"type\":\"publish\",\"topic\":\"room\",\"data\":{\"type\":\"announce\",\"from\":\"b\"}}");
            assertTrue(a.next().endsWith("\"clients\":2}"));
        }
    }

    @Test
    void behindATrustedProxyTheForwardedAddressIsWhatIsLimited() throws Exception {
        server = VaultSyncServer.start(new ServerConfig("127.0.0.1", 0, SignalingLimits.DEFAULTS.withMaxConnectionsPerAddress(1), null, true),
                WebAppAssets.fromClasspath());
        try (RawWebSocket first = RawWebSocket.connect(server.port(), "/signal", 0, "X-Forwarded-For: 198.51.100.1\r\n")) {
            assertEquals(101, first.status);
            // The 101 can reach us before the server admits the connection; a later one must find its slot taken.
            awaitMetric("vaultsync_signaling_connections", 1);
            try (RawWebSocket other = RawWebSocket.connect(server.port(), "/signal", 0, "X-Forwarded-For: 198.51.100.2\r\n")) {
                assertEquals(101, other.status, "a different client behind the same proxy");
                awaitMetric("vaultsync_signaling_connections", 2);
                try (RawWebSocket again = RawWebSocket.connect(server.port(), "/signal", 0, "X-Forwarded-For: 198.51.100.1\r\n")) {
                    assertRefused(again);
                }
            }
        }
    }

    @Test
    void withoutProxyTrustForwardedHeadersAreIgnored() throws Exception {
        start(SignalingLimits.DEFAULTS.withMaxConnectionsPerAddress(1));
        try (RawWebSocket first = RawWebSocket.connect(server.port(), "/signal", 0, "X-Forwarded-For: 198.51.100.1\r\n")) {
            assertEquals(101, first.status);
            awaitMetric("vaultsync_signaling_connections", 1);
            try (RawWebSocket spoofing = RawWebSocket.connect(server.port(), "/signal", 0, "X-Forwarded-For: 198.51.100.2\r\n")) {
                assertRefused(spoofing);
            }
        }
    }
}
