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
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Hex;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.json.Json;

/**
 * Our engine on the JVM next to Yjs on Node, same workload (test-harness/node/crdt-bench.mjs): N single-op
 * transactions (40% map sets over 200 keys, 50% array inserts at pseudo-random positions, 10% deletes), then
 * encoding the full state, loading it into a fresh document, and replaying every update into a replica. Best of
 * three rounds each. Also checks that both engines produced the same bytes.
 *
 * <p>Run: {@code bin/bench-crdt [--edits N]} (default 20,000). Not part of bin/test. Exits with status 1 if the
 * engines' bytes differ, because then the timings compare different work.
 */
public final class CrdtBench {
    private static final int ROUNDS = 3;

    private CrdtBench() {
    }

    public static void main(String[] args) throws Exception {
        int edits = 20000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--edits") && i + 1 < args.length) {
                edits = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("Unknown option " + args[i] + " (usage: bin/bench-crdt [--edits N])");
            }
        }
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
        Map<?, ?> yjs = (Map<?, ?>) Json.parse(runNode(edits));
        String hash = Hex.of(MessageDigest.getInstance("SHA-256").digest(full));
        System.out.printf("%,d edits | ours (JVM) | Yjs (Node 20)%n", edits);
        String[] names = {"edits, ms", "encodeStateAsUpdate, ms", "load full state, ms", "replay all updates, ms"};
        String[] keys = {"editMs", "encodeMs", "loadMs", "syncMs"};
        for (int i = 0; i < names.length; i++) {
            System.out.printf("%s | %.1f | %.1f%n", names[i], best[i], ((Double) yjs.get(keys[i])));
        }
        System.out.printf("state size, bytes | %,d | %,d%n", full.length, ((Double) yjs.get("bytes")).longValue());
        if (!hash.equals(yjs.get("hash"))) {
            System.err.println("The engines produced different document bytes (ours " + hash + ", Yjs " + yjs.get("hash") + ")");
            System.exit(1);
        }
        System.out.println("document bytes identical (SHA-256 " + hash + ")");
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

    private static String runNode(int edits) throws Exception {
        Path dir = Path.of("test-harness", "node");
        Process node = new ProcessBuilder("node", "crdt-bench.mjs", String.valueOf(edits), String.valueOf(ROUNDS))
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
