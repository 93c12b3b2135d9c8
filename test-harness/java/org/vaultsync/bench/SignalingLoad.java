package org.vaultsync.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.common.SecureRandomBytes;

/**
 * The load generator: N WebSocket clients in M rooms (client i joins room i mod M), each publishing a y-webrtc
 * sized "signal" (an ICE candidate, ~330 bytes) at R per second. Every publish carries its send time, so each
 * delivery to each subscriber (sender included) yields one fan-out latency. Works against any server that speaks
 * the y-webrtc signaling protocol.
 *
 * <p>It shares the machine's cores with the server under test, so it is built to cost little: raw non-blocking
 * channels, one reader thread polling every connection, publishes written by the ticking thread from a prebuilt frame
 * whose timestamp digits are patched in place, and latencies kept as bytes are parsed, without decoding text.
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
    private static final byte[] TIME_KEY = "\"t\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PONG = "\"type\":\"pong\"".getBytes(StandardCharsets.US_ASCII);
    /** A client with this many publishes not yet taken by its socket skips a tick rather than queueing without bound. */
    private static final int MAX_PENDING_FRAMES = 8;
    /** Handshakes run blocking on this many threads, which also bounds how many are in flight. */
    private static final int HANDSHAKE_THREADS = 16;
    private static final int SOCKET_TIMEOUT_MILLIS = 20_000;
    private static final long CONNECT_TIMEOUT_SECONDS = 300;
    /** How often the reader polls its sockets; 0 blocks in select instead (-Dsignaling.load.pollMicros=0 to compare). */
    private static final long POLL_MICROS = Long.getLong("signaling.load.pollMicros", 200);
    private static final RandomBytes RANDOM = new SecureRandomBytes();

    private final List<Client> clients = new ArrayList<>();
    private final ConcurrentLinkedQueue<Client> handoffs = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Client> backlogged = new ConcurrentLinkedQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger lost = new AtomicInteger();
    private Selector selector;
    private Thread reader;
    private volatile boolean closing;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private volatile boolean recording;

    /**
     * Opens {@code count} connections, each subscribed to its room, and returns once every one has answered a ping
     * (so its subscription is in place).
     */
    void connect(URI uri, int count, int rooms, String roomPrefix) throws IOException, InterruptedException {
        if (!"ws".equals(uri.getScheme()) || uri.getPort() < 0) {
            throw new IllegalArgumentException("expected ws://host:port/…, got " + uri);
        }
        startReader();
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        ExecutorService pool = Executors.newFixedThreadPool(HANDSHAKE_THREADS, task -> {
            Thread thread = new Thread(task, "signaling-load-handshake");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> ready = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Client client = new Client(roomPrefix + (i % rooms), "peer-" + i);
                clients.add(client);
                ready.add(pool.submit(() -> {
                    client.open(address, uri);
                    return null;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONNECT_TIMEOUT_SECONDS);
            for (int i = 0; i < count; i++) {
                try {
                    ready.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    throw new IOException("client " + i + " of " + count + " could not join " + uri + ": " + e.getCause(), e.getCause());
                } catch (TimeoutException e) {
                    throw new IOException((count - i) + " of " + count + " clients still not subscribed to " + uri
                            + " after " + CONNECT_TIMEOUT_SECONDS + " s");
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    int size() {
        return clients.size();
    }

    /** Connections that ended before close(): closed by the server, or broken. */
    int lostConnections() {
        return lost.get();
    }

    Result run(int ratePerClient, int warmupSeconds, int measureSeconds) throws InterruptedException {
        if (clients.isEmpty()) {
            throw new IllegalStateException("connect() first");
        }
        for (Client client : clients) {
            client.latencyCount = 0;
        }
        int lostBefore = lost.get();
        long start = System.nanoTime();
        windowStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        windowEnd = windowStart + TimeUnit.SECONDS.toNanos(measureSeconds);
        recording = true;
        // Smooth, not bursty: every millisecond the clients whose turn has come publish, round-robin, so the
        // aggregate rate is clients x rate spread evenly over time. This thread is the ticker.
        double perNano = (double) clients.size() * ratePerClient / 1e9;
        long done = 0;
        int next = 0;
        long sent = 0;
        long skipped = 0;
        for (long now = start; now < windowEnd; now = System.nanoTime()) {
            flushBacklog();
            long due = (long) ((now - start) * perNano) - done;
            boolean inWindow = now >= windowStart;
            for (long k = 0; k < due; k++) {
                boolean published = clients.get(next).publish();
                next = next + 1 == clients.size() ? 0 : next + 1;
                if (inWindow && published) {
                    sent++;
                } else if (inWindow) {
                    skipped++;
                }
            }
            done += Math.max(0, due);
            LockSupport.parkNanos(1_000_000 - (System.nanoTime() - now));
        }
        recording = false;
        Thread.sleep(200); // let the reader finish the read it is in before the latency arrays are read
        received.get(); // this volatile read orders the reader's latency writes before the reads below
        int total = 0;
        for (Client client : clients) {
            total += client.latencyCount;
        }
        long[] all = new long[total];
        int at = 0;
        for (Client client : clients) {
            if (client.latencyCount > 0) {
                System.arraycopy(client.latencies, 0, all, at, client.latencyCount);
                at += client.latencyCount;
            }
        }
        Arrays.sort(all);
        if (lost.get() > lostBefore) {
            System.err.println("signaling load: " + (lost.get() - lostBefore) + " clients lost their connection during the run");
        }
        return new Result(sent, skipped, total, measureSeconds,
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
            flushBacklog();
            long now = received.get();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(1_000);
        }
    }

    /** Closes every connection and stops the reader thread. */
    void close() {
        closing = true;
        for (Client client : clients) {
            client.stop();
        }
        clients.clear();
        if (reader != null) {
            selector.wakeup();
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
            reader = null;
        }
    }

    private void startReader() throws IOException {
        if (reader == null) {
            selector = Selector.open();
            reader = new Thread(this::readLoop, "signaling-load-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /**
     * The one thread that reads every connection, through one buffer. It polls every {@link #POLL_MICROS} rather
     * than sleeping in select: on loopback, a server writing to a socket whose reader sleeps pays for waking it up
     * (a cross-CPU wakeup, dear in a VM), a cost no remote client puts on a real server. Measured here, that made
     * y-webrtc's single-threaded server saturate about 25 % lower. Latencies include up to one poll interval.
     */
    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        try {
            while (!closing) {
                if (POLL_MICROS > 0) {
                    selector.selectNow(key -> ((Client) key.attachment()).read(buffer));
                    LockSupport.parkNanos(POLL_MICROS * 1000);
                } else {
                    selector.select(key -> ((Client) key.attachment()).read(buffer), 100);
                }
                for (Client client; (client = handoffs.poll()) != null; ) {
                    try {
                        client.channel.register(selector, SelectionKey.OP_READ, client);
                    } catch (IOException closedMeanwhile) {
                        client.stop();
                    }
                }
                flushBacklog();
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closing) {
                System.err.println("signaling load: reader stopped: " + e);
            }
        }
    }

    /** Retries the writes that sockets did not take at once; from the ticker every millisecond and from the reader. */
    private void flushBacklog() {
        for (int n = backlogged.size(); n > 0; n--) {
            Client client = backlogged.poll();
            if (client == null) {
                return;
            }
            client.flush();
        }
    }

    private final class Client implements WebSocketFrameReader.Handler {
        final String room;
        final String id;
        final byte[] mask = new byte[4];
        final WebSocketFrameReader frames = new WebSocketFrameReader();
        SocketChannel channel;
        volatile boolean ponged;
        volatile boolean stopped;
        // Write side, guarded by this: the ticker's publishes and the reader's pongs must not interleave.
        PublishFrame publishFrame;
        byte[] pending;
        int pendingLength;
        boolean inBacklog;
        // Read side: one thread at a time (the handshake thread until the pong, then the reader thread).
        long arrivedAt;
        long[] latencies;
        int latencyCount;

        Client(String room, String id) {
            this.room = room;
            this.id = id;
            RANDOM.fill(mask);
        }

        /** On a handshake thread: connects, upgrades, subscribes, waits for the pong, then hands over to the reader. */
        void open(InetSocketAddress address, URI uri) throws IOException {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.socket().connect(address, SOCKET_TIMEOUT_MILLIS);
            channel.socket().setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            byte[] early = WebSocketUpgrade.upgrade(channel, uri, RANDOM);
            sendText("{\"type\":\"subscribe\",\"topics\":[\"" + room + "\"]}");
            sendText("{\"type\":\"ping\"}");
            arrivedAt = System.nanoTime();
            frames.feed(early, 0, early.length, this);
            InputStream in = channel.socket().getInputStream();
            byte[] buffer = new byte[2048];
            while (!ponged) {
                int n = stopped ? -1 : in.read(buffer);
                if (n < 0) {
                    throw new EOFException("connection closed before the server answered a ping");
                }
                arrivedAt = System.nanoTime();
                frames.feed(buffer, 0, n, this);
            }
            channel.configureBlocking(false);
            handoffs.add(this);
            selector.wakeup();
        }

        /** On the reader thread, when the channel has bytes. */
        void read(ByteBuffer buffer) {
            buffer.clear();
            try {
                int n = channel.read(buffer);
                if (n < 0) {
                    throw new EOFException("closed by the server");
                }
                arrivedAt = System.nanoTime();
                frames.feed(buffer.array(), 0, n, this);
            } catch (ProtocolException e) {
                System.err.println("signaling load: " + room + "/" + id + ": " + e.getMessage());
                stop();
            } catch (IOException e) {
                stop();
            }
        }

        /** On the ticker: one publish, or false when skipped (too much unsent, or the connection is gone). */
        synchronized boolean publish() {
            if (stopped) {
                return false;
            }
            if (publishFrame == null) {
                publishFrame = new PublishFrame("{\"type\":\"publish\",\"topic\":\"" + room + "\",\"data\":{\"t\":",
                        ",\"from\":\"" + id + "\"," + CANDIDATE + "}}", mask);
            }
            if (pendingLength > MAX_PENDING_FRAMES * publishFrame.length()) {
                return false;
            }
            return send(publishFrame.stamp(System.nanoTime()));
        }

        void sendText(String text) {
            send(ByteBuffer.wrap(MaskedFrames.encode(WebSocketFrameReader.TEXT, text.getBytes(StandardCharsets.UTF_8), mask)));
        }

        /** Writes what the socket takes now and keeps the rest, after anything kept before; false if the connection is gone. */
        synchronized boolean send(ByteBuffer frame) {
            try {
                if (pendingLength > 0) {
                    writePending();
                }
                if (pendingLength == 0) {
                    channel.write(frame);
                }
                if (frame.hasRemaining()) {
                    int remaining = frame.remaining();
                    if (pending == null || pending.length < pendingLength + remaining) {
                        pending = Arrays.copyOf(pending == null ? new byte[0] : pending, Math.max(2 * (pendingLength + remaining), 1024));
                    }
                    frame.get(pending, pendingLength, remaining);
                    pendingLength += remaining;
                    if (!inBacklog) {
                        inBacklog = true;
                        backlogged.add(this);
                    }
                }
                return true;
            } catch (IOException e) {
                stop();
                return false;
            }
        }

        synchronized void flush() {
            inBacklog = false;
            try {
                writePending();
            } catch (IOException e) {
                stop();
                return;
            }
            if (pendingLength > 0) {
                inBacklog = true;
                backlogged.add(this);
            }
        }

        private void writePending() throws IOException {
            int written = channel.write(ByteBuffer.wrap(pending, 0, pendingLength));
            System.arraycopy(pending, written, pending, 0, pendingLength - written);
            pendingLength -= written;
        }

        void stop() {
            if (!stopped) {
                stopped = true;
                if (!closing) {
                    lost.incrementAndGet();
                }
            }
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        @Override
        public void onMessage(boolean text, byte[] data, int offset, int length) {
            received.incrementAndGet();
            if (!text) {
                return;
            }
            long sentAt = sentAt(data, offset, length);
            if (sentAt > 0) {
                // Throughput counts what arrives inside the window, so an overloaded server cannot catch up later.
                long now = arrivedAt;
                if (recording && now >= windowStart && now < windowEnd) {
                    if (latencies == null) {
                        latencies = new long[256];
                    } else if (latencyCount == latencies.length) {
                        latencies = Arrays.copyOf(latencies, latencies.length * 2);
                    }
                    latencies[latencyCount++] = now - sentAt;
                }
            } else if (!ponged && indexOf(data, offset, offset + Math.min(length, 64), PONG) >= 0) {
                ponged = true;
            }
        }

        @Override
        public void onPing(byte[] data, int offset, int length) {
            send(ByteBuffer.wrap(MaskedFrames.encode(WebSocketFrameReader.PONG, Arrays.copyOfRange(data, offset, offset + length), mask)));
        }

        @Override
        public void onClose() {
            stop();
        }
    }

    /** The send time after the first {@code "t":} (every load publish starts its data with it); 0 for other frames. */
    static long sentAt(byte[] data, int offset, int length) {
        int at = indexOf(data, offset, offset + Math.min(length, 200), TIME_KEY);
        if (at < 0) {
            return 0;
        }
        long value = 0;
        for (int i = at + TIME_KEY.length; i < offset + length && data[i] >= '0' && data[i] <= '9'; i++) {
            value = value * 10 + (data[i] - '0');
        }
        return value;
    }

    private static int indexOf(byte[] data, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i + needle.length <= to; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
