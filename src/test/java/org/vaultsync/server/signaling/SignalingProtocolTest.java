package org.vaultsync.server.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.vaultsync.json.Json;
import org.vaultsync.testing.SignalingTraces;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;

/** The y-webrtc signaling protocol as the real server and real clients speak it, checked on our real server. */
class SignalingProtocolTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static VaultSyncServer server;

    @BeforeAll
    static void start() throws Exception {
        server = VaultSyncServer.start(new ServerConfig("127.0.0.1", 0), WebAppAssets.fromClasspath());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    /** Replays each recorded y-webrtc session: every frame the reference server sent must come back byte for byte. */
    @ParameterizedTest
    @ValueSource(strings = {"trace-plain.jsonl", "trace-password.jsonl", "trace-ping.jsonl"})
    void recordedTraceReplaysByteForByte(String trace) throws Exception {
        Map<Integer, WsClient> clients = new HashMap<>();
        int outFrames = 0;
        try {
            for (Map<String, Object> event : readTrace(trace)) {
                int conn = ((Double) event.get("conn")).intValue();
                switch ((String) event.get("dir")) {
                    // y-webrtc connects to "/" by default; alternate paths so both routes replay the whole trace.
                    case "open" -> clients.put(conn, WsClient.connect(ws(conn % 2 == 1 ? "/" : "/signal")));
                    case "in" -> clients.get(conn).send((String) event.get("frame"));
                    case "out" -> {
                        assertEquals(event.get("frame"), clients.get(conn).next(), trace + " at t=" + event.get("t"));
                        outFrames++;
                    }
                    case "close" -> clients.remove(conn).close();
                    default -> throw new AssertionError("Unknown trace event " + event);
                }
            }
            for (WsClient client : clients.values()) {
                assertNull(client.poll(200), "The reference server sent nothing more");
            }
        } finally {
            clients.values().forEach(WsClient::close);
        }
        assertTrue(outFrames > 0);
    }

    private static List<Map<String, Object>> readTrace(String name) throws Exception {
        return SignalingTraces.events(name);
    }

    @Test
    void publishReachesEverySubscriberIncludingTheSenderWithAClientsCount() throws Exception {
        try (WsClient a = WsClient.connect(ws("/")); WsClient b = WsClient.connect(ws("/signal"));
                WsClient outsider = WsClient.connect(ws("/signal"))) {
            a.subscribeAndWait("room-1");
            b.subscribeAndWait("room-1");
            outsider.subscribeAndWait("room-2");
            a.send("{\"type\":\"publish\",\"topic\":\"room-1\",\"data\":{\"type\":\"announce\",\"from\":\"a\"},\"extra\":[1.5,null]}");
            String expected = "{\"type\":\"publish\",\"topic\":\"room-1\",\"data\":{\"type\":\"announce\",\"from\":\"a\"},\"extra\":[1.5,null],\"clients\":2}";
            assertEquals(expected, a.next());
            assertEquals(expected, b.next());
            assertNull(outsider.poll(200));
        }
    }

    @Test
    void aClientsFieldSentByTheClientIsOverwrittenInPlaceLikeJavaScriptDoes() throws Exception {
        try (WsClient a = WsClient.connect(ws("/signal"))) {
            a.subscribeAndWait("r");
            a.send("{\"clients\":99,\"type\":\"publish\",\"topic\":\"r\",\"data\":\"c2VjcmV0\"}");
            assertEquals("{\"clients\":1,\"type\":\"publish\",\"topic\":\"r\",\"data\":\"c2VjcmV0\"}", a.next());
        }
    }

    @Test
    void aPublishIsForwardedAsTheClientWroteItWithClientsAppended() throws Exception {
        try (WsClient a = WsClient.connect(ws("/signal"))) {
            a.subscribeAndWait("r");
            String frame = "{ \"type\" : \"publish\", \"topic\":\"r\", \"data\": {\"n\": 1.50, \"s\": \"\\u00e9\"} }\n";
            a.send(frame);
            String out = a.next();
            assertEquals("{ \"type\" : \"publish\", \"topic\":\"r\", \"data\": {\"n\": 1.50, \"s\": \"\\u00e9\"} ,\"clients\":1}", out);
            assertEquals(Json.parse("{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"n\":1.5,\"s\":\"\u00e9\"},\"clients\":1.0}"), Json.parse(out),
                    "means exactly what JSON.stringify(message) would");
        }
    }

    /**
     * Deliveries to one connection are batched and flushed together on another thread; concurrent bursts from two
     * senders must still reach every subscriber complete and in each sender's order.
     */
    @Test
    void burstsFromTwoSendersArriveCompleteAndInEachSendersOrder() throws Exception {
        int perSender = 150; // within the default burst allowance of 200 messages per connection
        try (RawWebSocket a = RawWebSocket.connect(server.port()); RawWebSocket b = RawWebSocket.connect(server.port());
                WsClient watcher = WsClient.connect(ws("/signal"))) {
            watcher.subscribeAndWait("burst");
            for (RawWebSocket sender : List.of(a, b)) {
                sender.sendText("{\"type\":\"subscribe\",\"topics\":[\"burst\"]}");
                sender.sendText("{\"type\":\"ping\"}");
                assertEquals("{\"type\":\"pong\"}", sender.readFrame().text());
            }
            List<Thread> senders = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (RawWebSocket sender : List.of(a, b)) {
                String from = sender == a ? "a" : "b";
                Thread thread = new Thread(() -> {
                    try {
                        for (int n = 0; n < perSender; n++) {
                            sender.sendText("{\"type\":\"publish\",\"topic\":\"burst\",\"data\":{\"from\":\"" + from + "\",\"n\":" + n + "}}");
                        }
                    } catch (IOException e) {
                        failures.add(e);
                    }
                });
                senders.add(thread);
                thread.start();
            }
            for (Thread thread : senders) {
                thread.join(10_000);
            }
            assertTrue(failures.isEmpty(), failures.toString());
            List<String> seenByWatcher = new ArrayList<>();
            List<String> seenByA = new ArrayList<>();
            List<String> seenByB = new ArrayList<>();
            for (int i = 0; i < 2 * perSender; i++) {
                seenByWatcher.add(watcher.next());
                seenByA.add(a.readFrame().text());
                seenByB.add(b.readFrame().text());
            }
            for (List<String> seen : List.of(seenByWatcher, seenByA, seenByB)) {
                Map<String, Integer> nextFrom = new HashMap<>(Map.of("a", 0, "b", 0));
                for (String message : seen) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) Json.parse(message)).get("data");
                    String from = (String) data.get("from");
                    assertEquals(nextFrom.get(from), ((Double) data.get("n")).intValue(), "next message from " + from);
                    nextFrom.put(from, nextFrom.get(from) + 1);
                }
                assertEquals(Map.of("a", perSender, "b", perSender), nextFrom);
            }
            long flushes = gauge("vaultsync_signaling_flushes_total");
            assertTrue(flushes >= 1 && flushes <= gauge("vaultsync_signaling_messages_sent_total"), "flushes: " + flushes);
        }
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        try (WsClient a = WsClient.connect(ws("/"))) {
            a.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", a.next());
        }
    }

    @Test
    void unsubscribedClientStopsReceivingAndTheEmptyTopicIsRemoved() throws Exception {
        long topicsBefore = gauge("vaultsync_signaling_topics");
        try (WsClient a = WsClient.connect(ws("/signal")); WsClient b = WsClient.connect(ws("/signal"))) {
            a.subscribeAndWait("leaving");
            b.subscribeAndWait("leaving");
            assertEquals(topicsBefore + 1, gauge("vaultsync_signaling_topics"));
            b.send("{\"type\":\"unsubscribe\",\"topics\":[\"leaving\"]}").roundTrip();
            a.send("{\"type\":\"publish\",\"topic\":\"leaving\",\"data\":{}}");
            assertEquals("{\"type\":\"publish\",\"topic\":\"leaving\",\"data\":{},\"clients\":1}", a.next());
            assertNull(b.poll(200));
            a.send("{\"type\":\"unsubscribe\",\"topics\":[\"leaving\"]}").roundTrip();
            assertEquals(topicsBefore, gauge("vaultsync_signaling_topics"));
        }
    }

    @Test
    void closingTheLastSubscriberRemovesItsTopics() throws Exception {
        long topicsBefore = gauge("vaultsync_signaling_topics");
        WsClient a = WsClient.connect(ws("/signal"));
        a.subscribeAndWait("t1", "t2", "t3");
        assertEquals(topicsBefore + 3, gauge("vaultsync_signaling_topics"));
        a.close();
        long deadline = System.currentTimeMillis() + 5_000;
        while (gauge("vaultsync_signaling_topics") != topicsBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(topicsBefore, gauge("vaultsync_signaling_topics"));
    }

    @Test
    void unknownTypesAndPublishesToEmptyTopicsAreIgnoredWithoutClosing() throws Exception {
        try (WsClient a = WsClient.connect(ws("/signal"))) {
            a.send("{\"type\":\"hello\",\"topics\":[\"x\"]}");
            a.send("{\"type\":\"publish\",\"topic\":\"nobody-here\",\"data\":{}}");
            a.send("{\"type\":\"subscribe\",\"topics\":[\"ok\",7,null,{\"a\":1}]}");
            a.roundTrip();
            a.send("{\"type\":\"publish\",\"topic\":\"ok\",\"data\":1}");
            assertEquals("{\"type\":\"publish\",\"topic\":\"ok\",\"data\":1,\"clients\":1}", a.next());
            assertTrue(!a.isClosed());
        }
    }

    @Test
    void plainGetOfRootStillServesTheApp() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.baseUri()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<div id=\"app\">"));
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        try (WsClient a = WsClient.connect(ws("/signal"))) {
            a.roundTrip();
            String body = metrics();
            assertTrue(body.contains("# TYPE vaultsync_signaling_connections gauge"), body);
            assertTrue(gauge("vaultsync_signaling_connections") >= 1);
            assertTrue(gauge("vaultsync_signaling_messages_received_total") >= 1);
            assertTrue(body.contains("vaultsync_signaling_messages_dropped_total{reason=\"unknown_type\"}"), body);
            assertTrue(body.contains("vaultsync_jvm_heap_used_bytes "), body);
        }
    }

    static String metrics() throws IOException, InterruptedException {
        return metrics(server.baseUri());
    }

    static String metrics(URI base) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return response.body();
    }

    private static long gauge(String name) throws Exception {
        return value(metrics(), name);
    }

    /** The value of one sample line ({@code name} may include labels) in a Prometheus text body. */
    static long value(String body, String name) {
        for (String line : body.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Long.parseLong(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("No sample " + name + " in\n" + body);
    }
}
