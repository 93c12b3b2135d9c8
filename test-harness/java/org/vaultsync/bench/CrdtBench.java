package org.vaultsync.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Hex;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.crdt.types.YText;
import org.vaultsync.json.Json;

/**
 * Our engine on the JVM next to Yjs on Node, same workloads (test-harness/node/crdt-bench.mjs), best of three rounds
 * each, and a check that both engines produced the same document bytes:
 * <ul>
 *   <li>mix: N single-op transactions (40% map sets over 200 keys, 50% array inserts at pseudo-random positions, 10%
 *   deletes), then encoding the full state, loading it into a fresh document, and replaying every update into a
 *   replica;</li>
 *   <li>B4: the automerge-paper editing trace (259,778 single-character edits, from the test classpath) replayed
 *   into a text with client id 2654435769, one edit per transaction, with a v1 update listener; then the final
 *   document's size and the time to load it into a fresh document (apply + toString).</li>
 * </ul>
 *
 * <p>Run: {@code bin/bench-crdt [--edits N] [--only mix|b4]} (default: both, 20,000 mix edits). Not part of
 * bin/test. Exits with status 1 if the engines' bytes differ, because then the timings compare different work.
 */
public final class CrdtBench {
    private static final int ROUNDS = 3;

    private CrdtBench() {
    }

    private static final String TRACE = "/bench-data/automerge-paper.json.gz";
    private static final int B4_CLIENT = (int) 2654435769L;

    public static void main(String[] args) throws Exception {
        int edits = 20000;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--edits") && i + 1 < args.length) {
                edits = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--only") && i + 1 < args.length) {
                only = args[++i];
            } else {
                throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (usage: bin/bench-crdt [--edits N] [--only mix|b4])");
            }
        }
        boolean same = true;
        if (only == null || only.equals("mix")) {
            same &= mix(edits);
        }
        if (only == null || only.equals("b4")) {
            same &= b4();
        }
        if (!same) {
            System.exit(1);
        }
    }

    private static boolean mix(int edits) throws Exception {
        double[] best = null;
        byte[] full = null;
        for (int r = 0; r < ROUNDS; r++) {
            Object[] round = workload(edits);
            double[] times = (double[]) round[0];
            full = (byte[]) round[1];
            if (best == null) {
                best = times;
            } else {
                for (int i = 0; i < times.length; i++) {
                    best[i] = Math.min(best[i], times[i]);
                }
            }
        }
        Map<?, ?> yjs = (Map<?, ?>) Json.parse(runNode("mix", String.valueOf(edits)));
        String hash = Hex.of(MessageDigest.getInstance("SHA-256").digest(full));
        System.out.printf("mix, %,d edits | ours (JVM) | Yjs (Node)%n", edits);
        String[] names = {"edits, ms", "encodeStateAsUpdate, ms", "load full state, ms", "replay all updates, ms"};
        String[] keys = {"editMs", "encodeMs", "loadMs", "syncMs"};
        for (int i = 0; i < names.length; i++) {
            System.out.printf("%s | %.1f | %.1f%n", names[i], best[i], ((Double) yjs.get(keys[i])));
        }
        System.out.printf("state size, bytes | %,d | %,d%n", full.length, ((Double) yjs.get("bytes")).longValue());
        return sameBytes(hash, yjs);
    }

    private static boolean sameBytes(String hash, Map<?, ?> yjs) {
        if (!hash.equals(yjs.get("hash"))) {
            System.err.println("The engines produced different document bytes (ours " + hash + ", Yjs " + yjs.get("hash") + ")");
            return false;
        }
        System.out.println("document bytes identical (SHA-256 " + hash + ")");
        return true;
    }

    /** The B4 trace: edit positions, deleted counts, inserted strings, and the expected final text. */
    private record Trace(int[] positions, int[] deletes, String[] inserts, String endContent) {
    }

    private static Trace loadTrace() throws Exception {
        String json;
        try (InputStream in = new GZIPInputStream(CrdtBench.class.getResourceAsStream(TRACE))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<?, ?> trace = (Map<?, ?>) Json.parse(json);
        List<List<?>> patches = new ArrayList<>();
        for (Object txn : (List<?>) trace.get("txns")) {
            for (Object patch : (List<?>) ((Map<?, ?>) txn).get("patches")) {
                patches.add((List<?>) patch);
            }
        }
        int n = patches.size();
        Trace t = new Trace(new int[n], new int[n], new String[n], (String) trace.get("endContent"));
        for (int i = 0; i < n; i++) {
            t.positions[i] = ((Double) patches.get(i).get(0)).intValue();
            t.deletes[i] = ((Double) patches.get(i).get(1)).intValue();
            t.inserts[i] = (String) patches.get(i).get(2);
        }
        return t;
    }

    private static boolean b4() throws Exception {
        Trace trace = loadTrace();
        double bestReplay = Double.MAX_VALUE;
        double bestLoad = Double.MAX_VALUE;
        byte[] full = null;
        long[] updates = new long[2];
        for (int r = 0; r < ROUNDS; r++) {
            SecureRandomBytes random = new SecureRandomBytes();
            Doc doc = new Doc(random);
            doc.setClientId(B4_CLIENT);
            YText text = doc.getText("text");
            long[] counted = new long[2];
            doc.onUpdate((u, o, t) -> {
                counted[0]++;
                counted[1] += u.length;
            });
            long t0 = System.nanoTime();
            for (int i = 0; i < trace.positions.length; i++) {
                if (trace.deletes[i] > 0) {
                    text.delete(trace.positions[i], trace.deletes[i]);
                }
                if (!trace.inserts[i].isEmpty()) {
                    text.insert(trace.positions[i], trace.inserts[i]);
                }
            }
            bestReplay = Math.min(bestReplay, (System.nanoTime() - t0) / 1e6);
            if (!text.toString().equals(trace.endContent)) {
                throw new IllegalStateException("B4 replay did not produce the trace's final text");
            }
            full = doc.encodeStateAsUpdate();
            updates = counted;
            long t1 = System.nanoTime();
            Doc loaded = new Doc(random);
            loaded.applyUpdate(full);
            String content = loaded.getText("text").toString();
            bestLoad = Math.min(bestLoad, (System.nanoTime() - t1) / 1e6);
            if (!content.equals(trace.endContent)) {
                throw new IllegalStateException("B4 document did not load back to the final text");
            }
        }
        Map<?, ?> yjs = (Map<?, ?>) Json.parse(runNode("b4", Path.of(CrdtBench.class.getResource(TRACE).toURI())
                .toAbsolutePath().toString()));
        int ops = trace.positions.length;
        System.out.printf("B4 (%,d edits, one per transaction, v1 update listener) | ours (JVM) | Yjs (Node)%n", ops);
        double yjsReplay = (Double) yjs.get("replayMs");
        System.out.printf("replay, ms | %.0f | %.0f%n", bestReplay, yjsReplay);
        System.out.printf("edits/s | %,.0f | %,.0f%n", ops / (bestReplay / 1000), ops / (yjsReplay / 1000));
        System.out.printf("updates emitted (bytes) | %,d (%,d) | %,.0f (%,.0f)%n", updates[0], updates[1],
                (Double) yjs.get("updates"), (Double) yjs.get("updateBytes"));
        System.out.printf("final document, bytes (v1) | %,d | %,.0f%n", full.length, (Double) yjs.get("bytes"));
        System.out.printf("load final document, ms | %.0f | %.0f%n", bestLoad, (Double) yjs.get("loadMs"));
        return sameBytes(Hex.of(MessageDigest.getInstance("SHA-256").digest(full)), yjs);
    }

    private static Object[] workload(int edits) throws Exception {
        SecureRandomBytes random = new SecureRandomBytes();
        long[] x = {1};
        java.util.function.IntUnaryOperator next = n -> {
            x[0] = (x[0] * 48271) % 2147483647;
            return (int) (x[0] % n);
        };
        Doc doc = new Doc(random);
        doc.setClientId(1);
        List<byte[]> updates = new ArrayList<>();
        doc.onUpdate((u, o, t) -> updates.add(u));
        YMap m = doc.getMap("m");
        YArray a = doc.getArray("a");
        long t0 = System.nanoTime();
        for (int i = 0; i < edits; i++) {
            int op = next.applyAsInt(10);
            if (op < 4) {
                m.set("k" + next.applyAsInt(200), i);
            } else if (op < 9 || a.length() == 0) {
                a.insert(next.applyAsInt(a.length() + 1), i);
            } else {
                a.delete(next.applyAsInt(a.length()), 1);
            }
        }
        long t1 = System.nanoTime();
        byte[] full = doc.encodeStateAsUpdate();
        long t2 = System.nanoTime();
        new Doc(random).applyUpdate(full);
        long t3 = System.nanoTime();
        Doc replica = new Doc(random);
        for (byte[] u : updates) {
            replica.applyUpdate(u);
        }
        long t4 = System.nanoTime();
        double[] ms = {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6};
        return new Object[] {ms, full};
    }

    private static String runNode(String mode, String argument) throws Exception {
        Path dir = Path.of("test-harness", "node");
        Process node = new ProcessBuilder("node", "crdt-bench.mjs", mode, argument, String.valueOf(ROUNDS))
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = node.getInputStream()) {
            in.transferTo(out);
        }
        if (!node.waitFor(300, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("node benchmark did not finish");
        }
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
