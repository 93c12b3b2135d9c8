package org.vaultsync.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.vaultsync.e2e.Chromium;
import org.vaultsync.interop.NodeModulesServer;
import org.vaultsync.json.Json;

/**
 * Our engine as the browser runs it (TeaVM, ADVANCED, minified: target/engine-js/engine-bench.js) next to real
 * Yjs 13.6.33, in the same JavaScript engine: Node, and headless Chromium. Every run is a fresh process (a fresh
 * Node, a fresh Chromium), engines alternate, and each figure is the median of the runs. Every output of every run
 * (updates, states, diffs, state vectors, JSON) is hashed, and all runs of both engines must agree, or the command
 * fails: the timings would compare different work.
 *
 * <p>Run: {@code bin/bench-crdt-js [--reps 5] [--only edits,vault,b4] [--hosts node,chromium] [--edits 20000]
 * [--ours FILE]}.
 */
public final class EngineJsBench {
    private static final Path BENCH_DIR = Path.of("test-harness", "node", "engine-bench");
    /** Our engine's bench module; {@code --ours FILE} measures another build (e.g. a saved one, for before/after). */
    private static Path OURS = Path.of("target", "engine-js", "engine-bench.js");
    /** B4, the automerge-paper editing trace (also bin/bench-crdt's). */
    private static final Path B4_TRACE = Path.of("src", "test", "resources", "bench-data", "automerge-paper.json.gz");
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("edits", "edits (one transaction each)");
        LABELS.put("encodeStateAsUpdate", "encodeStateAsUpdate");
        LABELS.put("loadFullState", "load full state into a fresh doc");
        LABELS.put("replayUpdates", "replay all updates into a fresh doc");
        LABELS.put("insert", "insert 5,000 items of ~1 KB, one transaction each");
        LABELS.put("insertEncode", "encode state after insert");
        LABELS.put("syncFull", "sync round, A = 5,000 items, B empty");
        LABELS.put("replace", "20,000 single-item replacements");
        LABELS.put("finalEncode", "encode final state");
        LABELS.put("syncCatchup", "catch-up sync round (B has the inserts)");
        LABELS.put("syncFullAfterReplace", "full sync round after the replacements");
        LABELS.put("freshApply", "fresh doc: apply the full final state");
        LABELS.put("freshToJSON", "fresh doc: map.toJSON()");
        LABELS.put("syncSmall", "small catch-up sync round (+100 replacements)");
        LABELS.put("b4Replay", "B4: type the 259,778 edits, one transaction each");
        LABELS.put("b4Encode", "B4: encodeStateAsUpdate");
        LABELS.put("b4Load", "B4: load the state into a fresh doc, toString");
    }

    private EngineJsBench() {
    }

    public static void main(String[] args) throws Exception {
        // Selenium warns on every start that it has no CDP binding for this Chromium version; nothing here uses CDP.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        int reps = 5;
        int edits = 20000;
        List<String> workloads = List.of("edits", "vault", "b4");
        List<String> hosts = List.of("node", "chromium");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(value);
                case "--edits" -> edits = Integer.parseInt(value);
                case "--only" -> workloads = Arrays.asList(value.split(","));
                case "--hosts" -> hosts = Arrays.asList(value.split(","));
                case "--ours" -> OURS = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (usage: bin/bench-crdt-js [--reps 5] [--only edits,vault,b4] [--hosts node,chromium] [--edits N] [--ours FILE])");
            }
        }
        if (!Files.isRegularFile(OURS)) {
            throw new IllegalStateException(OURS + " is missing: run bin/bench-crdt-js, which builds it");
        }
        // runs.get(workload).get(host).get(engine) = results of the runs
        Map<String, Map<String, Map<String, List<Map<String, Object>>>>> runs = new LinkedHashMap<>();
        boolean mismatch = false;
        try (NodeModulesServer server = hosts.contains("chromium") ? pageServer() : null) {
            for (String workload : workloads) {
                Map<String, Map<String, List<Map<String, Object>>>> byHost = new LinkedHashMap<>();
                runs.put(workload, byHost);
                for (String host : hosts) {
                    Map<String, List<Map<String, Object>>> byEngine = new LinkedHashMap<>();
                    byEngine.put("yjs", new ArrayList<>());
                    byEngine.put("ours", new ArrayList<>());
                    byHost.put(host, byEngine);
                }
                for (int rep = 0; rep < reps; rep++) {
                    for (String host : hosts) {
                        // alternate which engine goes first, so neither always runs on a cooler or warmer machine
                        List<String> order = rep % 2 == 0 ? List.of("yjs", "ours") : List.of("ours", "yjs");
                        for (String engine : order) {
                            System.err.printf("%s on %s, %s, run %d/%d%n", workload, host, engine, rep + 1, reps);
                            Map<String, Object> result = host.equals("node") ? runInNode(engine, workload, edits)
                                    : runInChromium(server, engine, workload, edits);
                            byHost.get(host).get(engine).add(result);
                        }
                    }
                }
                mismatch |= !checkHashes(workload, byHost);
            }
        }
        print(runs, hosts, reps);
        if (mismatch) {
            System.exit(1);
        }
    }

    private static NodeModulesServer pageServer() throws Exception {
        NodeModulesServer server = new NodeModulesServer(Path.of("test-harness", "node", "node_modules"));
        server.serveDirectory("bench", BENCH_DIR);
        server.serveDirectory("ours", OURS.getParent());
        server.serveDirectory("trace", B4_TRACE.getParent());
        server.servePage("/bench.html", """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>engine bench</title><link rel="icon" href="data:,">
                <script type="importmap">%s</script>
                <script type="module">
                import * as Y from 'yjs'
                import { runOnce } from '/bench/run.mjs'
                const params = new URLSearchParams(location.search)
                const engine = params.get('engine')
                const ours = engine === 'ours' ? await import('/ours/%s') : null
                try {
                  const b4Trace = params.get('workload') === 'b4'
                    ? new Uint8Array(await (await fetch('/trace/%s')).arrayBuffer()) : null
                  window.benchResult = JSON.stringify(await runOnce(engine, params.get('workload'),
                    { Y, ours, edits: Number(params.get('edits')), b4Trace }))
                } catch (e) {
                  window.benchError = String(e && e.stack || e)
                }
                </script></head><body>bench</body></html>
                """.formatted(server.importMap(), OURS.getFileName(), B4_TRACE.getFileName()));
        return server;
    }

    private static Map<String, Object> runInNode(String engine, String workload, int edits) throws Exception {
        Process node = new ProcessBuilder("node", "--expose-gc", "--max-old-space-size=4096", "node-run.mjs", engine,
                workload, OURS.toAbsolutePath().toString(), String.valueOf(edits), B4_TRACE.toAbsolutePath().toString())
                .directory(BENCH_DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = node.getInputStream()) {
            in.transferTo(out);
        }
        if (!node.waitFor(600, TimeUnit.SECONDS) || node.exitValue() != 0) {
            node.destroyForcibly();
            throw new IllegalStateException("node run of " + engine + " " + workload + " failed");
        }
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("RESULT ")) {
                return asMap(Json.parse(line.substring(7)));
            }
        }
        throw new IllegalStateException("node run of " + engine + " " + workload + " printed no result");
    }

    private static Map<String, Object> runInChromium(NodeModulesServer server, String engine, String workload,
                                                     int edits) throws Exception {
        try (Chromium chromium = Chromium.start()) {
            // a running workload keeps the page's thread busy, so a script call waits until it is done
            chromium.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(600));
            chromium.driver().get(server.base().resolve("bench.html?engine=" + engine + "&workload=" + workload
                    + "&edits=" + edits).toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            while (System.nanoTime() < deadline) {
                Object error = chromium.driver().executeScript("return window.benchError || null");
                if (error != null) {
                    throw new IllegalStateException("Chromium run of " + engine + " " + workload + " failed: " + error);
                }
                Object result = chromium.driver().executeScript("return window.benchResult || null");
                if (result != null) {
                    return asMap(Json.parse((String) result));
                }
                Thread.sleep(200); // polling a page that has no way to call us back; the condition is the result
            }
            throw new IllegalStateException("Chromium run of " + engine + " " + workload + " did not finish: "
                    + chromium.consoleErrors());
        }
    }

    /** Every run of both engines must have produced the same bytes for every output. */
    private static boolean checkHashes(String workload, Map<String, Map<String, List<Map<String, Object>>>> byHost) {
        Map<String, Object> reference = null;
        String referenceName = null;
        boolean same = true;
        for (var host : byHost.entrySet()) {
            for (var engine : host.getValue().entrySet()) {
                for (Map<String, Object> run : engine.getValue()) {
                    Map<String, Object> hashes = asMap(run.get("hashes"));
                    if (reference == null) {
                        reference = hashes;
                        referenceName = engine.getKey() + " in " + host.getKey();
                    } else if (!reference.equals(hashes)) {
                        same = false;
                        for (String key : reference.keySet()) {
                            if (!reference.get(key).equals(hashes.get(key))) {
                                System.err.printf("%s: output %s of %s in %s differs from %s%n", workload, key,
                                        engine.getKey(), host.getKey(), referenceName);
                            }
                        }
                    }
                }
            }
        }
        if (same && reference != null) {
            System.err.printf("%s: all %d outputs identical in every run of both engines%n", workload, reference.size());
        }
        return same;
    }

    private static void print(Map<String, Map<String, Map<String, List<Map<String, Object>>>>> runs,
                              List<String> hosts, int reps) {
        System.out.printf("%s | node %s | %s | %d cores | median of %d runs, engines alternating, each a fresh process%n",
                LocalDate.now(), nodeVersion(), System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(), reps);
        List<String[]> ratios = new ArrayList<>();
        for (var workload : runs.entrySet()) {
            System.out.printf("%n### %s (ms, median; outputs identical: see above)%n%n", workload.getKey());
            StringBuilder header = new StringBuilder("| figure |");
            StringBuilder rule = new StringBuilder("| --- |");
            for (String host : hosts) {
                header.append(" Yjs, ").append(host).append(" | ours, ").append(host).append(" |");
                rule.append(" ---: | ---: |");
            }
            System.out.println(header);
            System.out.println(rule);
            Map<String, List<Map<String, Object>>> first = workload.getValue().get(hosts.get(0));
            for (String figure : asMap(first.get("yjs").get(0).get("times")).keySet()) {
                StringBuilder row = new StringBuilder("| ").append(LABELS.getOrDefault(figure, figure)).append(" |");
                String[] ratio = new String[hosts.size() + 1];
                ratio[0] = workload.getKey() + ": " + LABELS.getOrDefault(figure, figure);
                for (int h = 0; h < hosts.size(); h++) {
                    double yjs = median(workload.getValue().get(hosts.get(h)).get("yjs"), figure);
                    double ours = median(workload.getValue().get(hosts.get(h)).get("ours"), figure);
                    row.append(String.format(Locale.ROOT, " %.1f | %.1f |", yjs, ours));
                    ratio[h + 1] = String.format(Locale.ROOT, "%.2f", ours / yjs);
                }
                System.out.println(row);
                if (!figure.contains(".")) {
                    ratios.add(ratio);
                }
            }
            Map<String, Object> sizes = asMap(first.get("yjs").get(0).get("sizes"));
            for (var size : sizes.entrySet()) {
                System.out.printf("| %s, bytes (both engines) | %,d |%n", size.getKey(), ((Double) size.getValue()).longValue());
            }
        }
        System.out.printf("%n### ours / Yjs (median over median; below 1 means ours is faster)%n%n| figure |");
        for (String host : hosts) {
            System.out.print(" " + host + " |");
        }
        System.out.print("\n| --- |");
        for (int h = 0; h < hosts.size(); h++) {
            System.out.print(" ---: |");
        }
        System.out.println();
        for (String[] ratio : ratios) {
            System.out.println("| " + String.join(" | ", ratio) + " |");
        }
    }

    private static double median(List<Map<String, Object>> results, String figure) {
        double[] values = results.stream().mapToDouble(r -> (Double) asMap(r.get("times")).get(figure)).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
