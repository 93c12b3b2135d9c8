package org.vaultsync.server.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server in its own JVM with a 64 MiB heap takes a flood (about 200 MB of 200 kB publishes fanned out,
 * clients that never read, oversize and malformed frames) and keeps serving: the bound is the -Xmx itself, since
 * exceeding it would end in OutOfMemoryError.
 */
class FloodMemoryBoundTest {
    private static final int HEAP_MIB = 64;
    private static final int ROUNDS = 30;

    @Test
    void serverWithA64MiBHeapSurvivesAFloodAndKeepsServing() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path log = Files.createTempFile("flood-server", ".log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MIB + "m", "-cp", System.getProperty("java.class.path"), "org.vaultsync.server.ServerMain",
                "--port", String.valueOf(port), "--max-connections-per-address", "500")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        URI ws = URI.create("ws://127.0.0.1:" + port + "/signal");
        List<AutoCloseable> open = new ArrayList<>();
        try {
            awaitHealthy(base, server);
            String big = "{\"type\":\"publish\",\"topic\":\"flood\",\"data\":\"" + "z".repeat(200_000) + "\"}";
            List<WsClient> publishers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                WsClient client = WsClient.connectCounting(ws);
                open.add(client);
                client.send("{\"type\":\"subscribe\",\"topics\":[\"flood\"]}");
                publishers.add(client);
            }
            for (int i = 0; i < 4; i++) {
                RawWebSocket stuck = RawWebSocket.connect(port, "/signal", 4096);
                open.add(stuck);
                stuck.sendText("{\"type\":\"subscribe\",\"topics\":[\"flood\"]}");
            }
            for (int i = 0; i < 20; i++) {
                RawWebSocket junk = RawWebSocket.connect(port, "/signal", 0);
                open.add(junk);
                junk.sendText(i % 2 == 0 ? "{\"type\":\"publish\",\"topic\":\"flood\",\"data\":\"" + "q".repeat(300_000) + "\"}" : "{not json");
            }
            // Rounds: every publisher sends one maximum-size publish, then all readers catch up. Readers that keep up
            // never exceed the 1 MiB per-connection queue; the stuck ones do and are cut off.
            for (int round = 1; round <= ROUNDS; round++) {
                for (WsClient publisher : publishers) {
                    publisher.send(big);
                }
                long deadline = System.currentTimeMillis() + 20_000;
                int expected = round * publishers.size();
                while (publishers.stream().anyMatch(p -> p.count.get() < expected) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(2);
                }
            }
            for (WsClient publisher : publishers) {
                assertEquals(ROUNDS * publishers.size(), publisher.count.get(), "every reading subscriber got every publish");
            }
            assertTrue(server.isAlive());
            try (WsClient a = WsClient.connect(ws); WsClient b = WsClient.connect(ws)) {
                a.subscribeAndWait("after");
                b.subscribeAndWait("after");
                a.send("{\"type\":\"publish\",\"topic\":\"after\",\"data\":{}}");
                assertEquals("{\"type\":\"publish\",\"topic\":\"after\",\"data\":{},\"clients\":2}", b.next());
            }
            String metrics = SignalingProtocolTest.metrics(base);
            assertTrue(SignalingProtocolTest.value(metrics, "vaultsync_jvm_heap_max_bytes") <= HEAP_MIB * 1024L * 1024L);
            assertTrue(SignalingProtocolTest.value(metrics,
                    "vaultsync_signaling_connections_closed_by_server_total{reason=\"slow_consumer\",code=\"1008\"}") == 4);
        } finally {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
            server.destroy();
            server.waitFor();
        }
        String output = Files.readString(log);
        assertFalse(output.contains("OutOfMemoryError"), output);
        Files.deleteIfExists(log);
    }

    private static void awaitHealthy(URI base, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            assertTrue(server.isAlive(), "server process exited");
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("server did not become healthy");
    }
}
