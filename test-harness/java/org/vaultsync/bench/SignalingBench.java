package org.vaultsync.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the same bounded loopback load against our signaling server and against y-webrtc's bin/server.js (Node), in
 * one invocation, and prints the figures side by side; then holds idle connections on each and reports memory.
 * Both servers run as child processes on 127.0.0.1 and are stopped at the end. Started by bin/bench-signaling.
 *
 * <p>Options: --clients N --rooms M --rate R (publishes per client per second) --seconds S --warmup W
 * --idle I (idle connections; 0 skips) --url ws://… (only the load, against a server started elsewhere).
 */
public final class SignalingBench {
    // HTTP/1.1: the JDK client would otherwise offer an h2c upgrade, which server.js takes for a WebSocket upgrade.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SignalingBench() {
    }

    public static void main(String[] args) throws Exception {
        int clients = 400;
        int rooms = 40;
        int[] rates = {50};
        int seconds = 10;
        int warmup = 3;
        int idle = 10_000;
        URI external = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--rooms" -> rooms = Integer.parseInt(args[++i]);
                case "--rate", "--rates" -> rates = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--idle" -> idle = Integer.parseInt(args[++i]);
                case "--url" -> external = URI.create(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        int roomSize = clients / rooms;
        System.out.printf(Locale.ROOT, "Load: %d clients in %d rooms of %d; each client publishes a ~330-byte ICE candidate "
                + "at each rate in %s per second; per rate %d s warm-up + %d s measured; loopback%n",
                clients, rooms, roomSize, java.util.Arrays.toString(rates), warmup, seconds);
        System.out.println("Load average before: " + loadAverage());

        if (external != null) {
            // Only the load, against a server someone else started (e.g. for profiling or a real deployment).
            SignalingLoad load = new SignalingLoad();
            load.connect(external, clients, rooms, "room-");
            for (int rate : rates) {
                SignalingLoad.Result r = load.run(rate, warmup, seconds);
                System.out.printf(Locale.ROOT, "offered %,d/s: delivered %,.0f/s, p50 %.2f ms, p99 %.2f ms "
                        + "(publishes sent %,d, skipped as unsent %,d)%n", clients * rate * roomSize, r.deliveredPerSecond(),
                        r.p50Millis(), r.p99Millis(), r.publishesSent(), r.publishesSkipped());
                load.drain();
            }
            load.close();
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (Target target : Target.values()) {
            try (Server server = target.start()) {
                SignalingLoad load = new SignalingLoad();
                load.connect(server.uri(), clients, rooms, "room-");
                load.run(rates[0], warmup, 2); // JIT warm-up for the JVM; the same courtesy for Node
                load.drain();
                for (int rate : rates) {
                    long cpuBefore = server.cpuTicks();
                    long loadCpuBefore = ownCpuNanos();
                    long[] flushBefore = server.sentAndFlushes();
                    SignalingLoad.Result r = load.run(rate, warmup, seconds);
                    double cpuSeconds = (server.cpuTicks() - cpuBefore) / 100.0; // USER_HZ
                    double cpuPerSecond = cpuSeconds / (warmup + seconds);
                    // The generator shares the cores with the server, so what it burns is reported next to it.
                    double loadCpuPerSecond = (ownCpuNanos() - loadCpuBefore) / 1e9 / (warmup + seconds);
                    long[] flushAfter = server.sentAndFlushes();
                    String perWrite = flushAfter[1] < 0 ? "n/a"
                            : fmt("%.1f", (flushAfter[0] - flushBefore[0]) / (double) Math.max(1, flushAfter[1] - flushBefore[1]));
                    rows.add(new String[] {target.label, fmt("%,d", clients * rate * roomSize), fmt("%,.0f", r.deliveredPerSecond()),
                            fmt("%.2f", r.p50Millis()), fmt("%.2f", r.p99Millis()), fmt("%.1f", r.maxMillis()),
                            fmt("%.2f", cpuPerSecond), fmt("%,.0f", r.deliveredPerSecond() / Math.max(0.01, cpuPerSecond)),
                            fmt("%.0f MiB", server.rssBytes() / 1048576.0), fmt("%.2f", loadCpuPerSecond), perWrite});
                    System.out.println("  " + String.join(" | ", rows.get(rows.size() - 1)));
                    load.drain();
                }
                load.close();
            }
        }
        System.out.println();
        System.out.println("Load average after the load runs (other jobs share the cores): " + loadAverage());
        System.out.println("| server | offered deliveries/s | delivered msgs/s | p50 ms | p99 ms | max ms | server CPU (cores) | deliveries per CPU-second | server RSS | load generator CPU (cores) | deliveries per flush |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }

        if (idle > 0) {
            System.out.println();
            System.out.printf(Locale.ROOT, "Idle: %,d connections, each subscribed to one of %d rooms, held open%n", idle, idle / 10);
            System.out.println("| server | RSS before | RSS with connections | RSS per connection | heap used after GC | heap per connection |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            for (Target target : Target.values()) {
                try (Server server = target.start()) {
                    server.gc();
                    long rssBefore = server.rssBytes();
                    long heapBefore = server.heapUsedBytes();
                    SignalingLoad load = new SignalingLoad();
                    load.connect(server.uri(), idle, Math.max(1, idle / 10), "idle-");
                    Thread.sleep(2_000);
                    server.gc();
                    long rss = server.rssBytes();
                    long heap = server.heapUsedBytes();
                    load.close();
                    System.out.println("| " + target.label + " | " + mib(rssBefore) + " | " + mib(rss) + " | "
                            + fmt("%.1f KiB", (rss - rssBefore) / 1024.0 / idle) + " | "
                            + (heap < 0 ? "n/a" : mib(heap)) + " | "
                            + (heap < 0 ? "n/a" : fmt("%.1f KiB", (heap - heapBefore) / 1024.0 / idle)) + " |");
                }
            }
        }
    }

    /** CPU time of this JVM (the load generator), user + system, all threads. */
    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException notLinux) {
            return "n/a";
        }
    }

    private static String mib(long bytes) {
        return fmt("%.0f MiB", bytes / 1048576.0);
    }

    private static String fmt(String format, Object value) {
        return String.format(Locale.ROOT, format, value);
    }

    enum Target {
        OURS("Vault Sync (Java, Jetty 12)"),
        REFERENCE("y-webrtc bin/server.js (Node " + nodeVersion() + ")");

        final String label;

        Target(String label) {
            this.label = label;
        }

        Server start() throws Exception {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            ProcessBuilder builder;
            if (this == OURS) {
                // Limits raised so they measure the server, not our abuse protection; 1 GiB heap is the stated budget.
                builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g", "-cp", System.getProperty("java.class.path"), "org.vaultsync.server.ServerMain",
                        "--port", String.valueOf(port), "--max-connections-per-address", "100000",
                        "--messages-per-second", "100000", "--message-burst", "100000", "--idle-timeout-seconds", "3600");
            } else {
                builder = new ProcessBuilder("node", "test-harness/node/ywebrtc-signaling.mjs");
                builder.environment().put("PORT", String.valueOf(port));
            }
            Path log = Files.createTempFile("bench-" + name().toLowerCase(Locale.ROOT), ".log");
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Server server = new Server(process, port, this == OURS, log);
            server.awaitUp();
            return server;
        }
    }

    record Server(Process process, int port, boolean java, Path log) implements AutoCloseable {
        URI uri() {
            return URI.create("ws://127.0.0.1:" + port + (java ? "/signal" : "/"));
        }

        void awaitUp() throws Exception {
            long deadline = System.currentTimeMillis() + 30_000;
            URI probe = URI.create("http://127.0.0.1:" + port + (java ? "/healthz" : "/"));
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server exited: " + Files.readString(log));
                }
                try {
                    if (HTTP.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException("server did not come up on port " + port);
        }

        /** utime + stime of the server process, in clock ticks (USER_HZ = 100 on Linux). */
        long cpuTicks() throws IOException {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        long rssBytes() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        }

        /** Full GC in the server (jcmd for the JVM; Node has no external trigger, so RSS is all we report). */
        void gc() throws Exception {
            if (java) {
                new ProcessBuilder("jcmd", String.valueOf(process.pid()), "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                Thread.sleep(500);
            }
        }

        long heapUsedBytes() throws Exception {
            return metric("vaultsync_jvm_heap_used_bytes");
        }

        /** Messages sent per socket flush so far (our server batches deliveries); -1 for a server without it. */
        long[] sentAndFlushes() throws Exception {
            return new long[] {metric("vaultsync_signaling_messages_sent_total"), metric("vaultsync_signaling_flushes_total")};
        }

        /** One sample of our server's /metrics; -1 for Node's server, which has none. */
        private long metric(String name) throws Exception {
            if (!java) {
                return -1;
            }
            String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : body.split("\n")) {
                if (line.startsWith(name + " ")) {
                    return Long.parseLong(line.substring(line.indexOf(' ') + 1).trim());
                }
            }
            return -1;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
            Files.deleteIfExists(log);
        }
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return v;
        } catch (Exception e) {
            return "?";
        }
    }
}
