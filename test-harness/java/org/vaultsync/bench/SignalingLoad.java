package org.vaultsync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator: N WebSocket clients in M rooms (client i joins room i mod M), each publishing a y-webrtc
 * sized "signal" (an ICE candidate, ~330 bytes) at R per second. Every publish carries its send time, so each
 * delivery to each subscriber (sender included) yields one fan-out latency. Works against any server that speaks
 * the y-webrtc signaling protocol.
 */
final class SignalingLoad {
    record Result(long publishesSent, long publishesSkipped, long delivered, double seconds,
                  double p50Millis, double p99Millis, double maxMillis) {
        double deliveredPerSecond() {
            return delivered / seconds;
        }
    }

    private static final String CANDIDATE = "\"type\":\"signal\",\"to\":\"3f1c0a7e-8d0b-4b7e-9a51-2f7c9c1d4e10\","
            + "\"token\":1795539899669.2668,\"signal\":{\"type\":\"candidate\",\"candidate\":{\"candidate\":"
            + "\"candidate:1467250027 1 udp 2122260223 127.0.0.1 54321 typ host generation 0 ufrag XGXu network-id 1\","
            + "\"sdpMLineIndex\":0,\"sdpMid\":\"0\"}}";
    /** A client with this many sends in flight skips a tick rather than queueing without bound. */
    private static final int MAX_PENDING_SENDS = 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private final List<Client> clients = new ArrayList<>();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean recording = true;
    private final AtomicLong received = new AtomicLong();

    /** Opens {@code count} connections (at most 200 handshakes at a time), each subscribed to its room. */
    void connect(URI uri, int count, int rooms, String roomPrefix) throws Exception {
        Semaphore inFlight = new Semaphore(200);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Client client = new Client(roomPrefix + (i % rooms), "peer-" + i);
            clients.add(client);
            inFlight.acquire();
            ready.add(http.newWebSocketBuilder().buildAsync(uri, client)
                    .thenCompose(ws -> {
                        client.socket = ws;
                        return ws.sendText("{\"type\":\"subscribe\",\"topics\":[\"" + client.room + "\"]}", true);
                    })
                    .thenCompose(ws -> ws.sendText("{\"type\":\"ping\"}", true))
                    .thenCompose(ws -> client.ponged)
                    .whenComplete((ok, failure) -> inFlight.release()));
        }
        CompletableFuture.allOf(ready.toArray(new CompletableFuture[0])).get(300, TimeUnit.SECONDS);
        for (Client client : clients) {
            client.last = CompletableFuture.completedFuture(client.socket);
        }
    }

    int size() {
        return clients.size();
    }

    Result run(int ratePerClient, int warmupSeconds, int measureSeconds) throws Exception {
        for (Client client : clients) {
            client.latencyCount = 0;
        }
        recording = true;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong sent = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        long start = System.nanoTime();
        windowStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        windowEnd = windowStart + TimeUnit.SECONDS.toNanos(measureSeconds);
        // Smooth, not bursty: every millisecond the clients whose turn has come publish, round-robin, so the
        // aggregate rate is clients x rate spread evenly over time.
        double perNano = (double) clients.size() * ratePerClient / 1e9;
        long[] done = {0};
        int[] next = {0};
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            long due = (long) ((now - start) * perNano) - done[0];
            boolean inWindow = now >= windowStart && now < windowEnd;
            for (long k = 0; k < due; k++) {
                Client client = clients.get(next[0]);
                next[0] = (next[0] + 1) % clients.size();
                if (client.publish()) {
                    if (inWindow) {
                        sent.incrementAndGet();
                    }
                } else if (inWindow) {
                    skipped.incrementAndGet();
                }
            }
            done[0] += Math.max(0, due);
        }, 0, 1, TimeUnit.MILLISECONDS);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(windowEnd - start));
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        recording = false;
        Thread.sleep(200); // let listeners finish the frame they are in before their arrays are read
        long delivered = 0;
        int total = 0;
        for (Client client : clients) {
            total += client.latencyCount;
        }
        long[] all = new long[total];
        int at = 0;
        for (Client client : clients) {
            System.arraycopy(client.latencies, 0, all, at, client.latencyCount);
            at += client.latencyCount;
            delivered += client.latencyCount;
        }
        Arrays.sort(all);
        return new Result(sent.get(), skipped.get(), delivered, measureSeconds,
                percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Waits until a backlog left by an overloaded run has arrived (nothing new for 1 s, at most 30 s). */
    void drain() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        long last = -1;
        while (System.currentTimeMillis() < deadline) {
            long now = received.get();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(1_000);
        }
    }

    void close() {
        for (Client client : clients) {
            if (client.socket != null) {
                client.socket.abort();
            }
        }
        clients.clear();
    }

    private final class Client implements WebSocket.Listener {
        final String room;
        final String id;
        final CompletableFuture<Void> ponged = new CompletableFuture<>();
        final AtomicInteger pending = new AtomicInteger();
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        CompletableFuture<WebSocket> last;
        long[] latencies = new long[1024];
        int latencyCount;

        Client(String room, String id) {
            this.room = room;
            this.id = id;
        }

        /** Chains one publish after the previous one (the JDK allows one send at a time); false when skipped. */
        boolean publish() {
            if (pending.get() >= MAX_PENDING_SENDS) {
                return false;
            }
            pending.incrementAndGet();
            last = last.thenCompose(ws -> ws.sendText("{\"type\":\"publish\",\"topic\":\"" + room + "\",\"data\":{\"t\":"
                    + System.nanoTime() + ",\"from\":\"" + id + "\"," + CANDIDATE + "}}", true))
                    .whenComplete((ws, failure) -> pending.decrementAndGet());
            return true;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean lastPart) {
            long now = System.nanoTime();
            CharSequence frame = data;
            if (!lastPart || partial.length() > 0) {
                partial.append(data);
                if (!lastPart) {
                    return null;
                }
                frame = partial;
            }
            received.incrementAndGet();
            long sentAt = sentAt(frame);
            if (sentAt > 0) {
                // Throughput counts what arrives inside the window, so an overloaded server cannot catch up later.
                if (recording && now >= windowStart && now < windowEnd) {
                    if (latencyCount == latencies.length) {
                        latencies = Arrays.copyOf(latencies, latencies.length * 2);
                    }
                    latencies[latencyCount++] = now - sentAt;
                }
            } else if (frame.toString().contains("\"pong\"")) {
                ponged.complete(null);
            }
            partial.setLength(0);
            return null;
        }

        /** The send time after {@code "data":{"t":}, which every load publish starts with; 0 for other frames. */
        private long sentAt(CharSequence frame) {
            int at = -1;
            for (int i = 0; i + 4 < frame.length() && i < 200; i++) {
                if (frame.charAt(i) == '"' && frame.charAt(i + 1) == 't' && frame.charAt(i + 2) == '"' && frame.charAt(i + 3) == ':') {
                    at = i + 4;
                    break;
                }
            }
            long value = 0;
            for (int i = at; at > 0 && i < frame.length() && Character.isDigit(frame.charAt(i)); i++) {
                value = value * 10 + (frame.charAt(i) - '0');
            }
            return value;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean lastPart) {
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ponged.completeExceptionally(error);
        }
    }
}
