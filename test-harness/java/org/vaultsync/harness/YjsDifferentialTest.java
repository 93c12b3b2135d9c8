package org.vaultsync.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.Canonical;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Hex;
import org.vaultsync.crdt.RandomEdits;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.crdt.types.DeltaOp;
import org.vaultsync.crdt.types.SharedType;
import org.vaultsync.crdt.types.YText;
import org.vaultsync.crdt.update.InvalidUpdateException;
import org.vaultsync.crdt.update.UpdateMerger;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Our engine against real Yjs (the pinned npm package in test-harness/node): seeded random scenarios of map, array
 * and text edits (inserts with and without attributes, deletes, overlapping formats, embeds, surrogate pairs, texts
 * nested in maps and arrays) on 2-4 documents with the same client IDs, out-of-order and duplicated deliveries and
 * full syncs. Every update emitted at every step (formatting clean-ups included), the delta of every text event,
 * every final state update, state vector, JSON and text delta must be identical; and each engine must read the
 * other's final state and write it back byte for byte. Node runs once per batch.
 */
class YjsDifferentialTest {
    /** 300 in CI; raise with -Dvaultsync.differential.scenarios=N for a longer hunt. */
    private static final int SCENARIOS = Integer.getInteger("vaultsync.differential.scenarios", 300);
    private static final int BATCH = 100;
    private static final Path SCRIPT = Path.of("test-harness", "node", "differential.mjs");
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();
    /** Late-opened docs whose text had already received formatting (the case where Yjs's markers matter). */
    private static int formattedPlaceholders;

    /** One scenario as our engine ran it: what to send to Node and what we observed. */
    private static final class Run {
        final long seed;
        final Map<String, Object> scenario = new LinkedHashMap<>();
        final List<Map<String, Object>> emitted = new ArrayList<>();
        final List<Map<String, Object>> deltas = new ArrayList<>();
        final Map<String, String> payloads = new LinkedHashMap<>();
        final List<Doc> docs = new ArrayList<>();

        Run(long seed) {
            this.seed = seed;
        }
    }

    @Test
    void ourEngineAndYjsAgreeOnEveryByte() throws Exception {
        int mergedPayloads = 0;
        int yjsReplicasWithDifferentBytes = 0;
        int updatesCompared = 0;
        for (int start = 0; start < SCENARIOS; start += BATCH) {
            List<Run> runs = new ArrayList<>();
            for (int i = start; i < Math.min(SCENARIOS, start + BATCH); i++) {
                runs.add(runScenario(0x5EED0000L + i));
            }
            List<Object> scenarios = new ArrayList<>();
            for (Run run : runs) {
                scenarios.add(run.scenario);
            }
            List<?> results = (List<?>) Json.parse(runNode(Json.stringify(scenarios)));
            assertEquals(runs.size(), results.size());
            for (int i = 0; i < runs.size(); i++) {
                compare(runs.get(i), (Map<?, ?>) results.get(i));
                mergedPayloads += runs.get(i).payloads.size();
                List<?> finals = (List<?>) ((Map<?, ?>) results.get(i)).get("final");
                for (Object f : finals) {
                    if (!((Map<?, ?>) f).get("update").equals(((Map<?, ?>) finals.get(0)).get("update"))) {
                        yjsReplicasWithDifferentBytes++; // fully synced Yjs replicas, cut into structs differently
                        break;
                    }
                }
                for (Map<String, Object> step : runs.get(i).emitted) {
                    for (Object updates : step.values()) {
                        updatesCompared += ((List<?>) updates).size();
                    }
                }
            }
        }
        // the scenarios must actually exercise what they claim to
        assertTrue(mergedPayloads > SCENARIOS / 3, "merged payloads compared: " + mergedPayloads);
        assertTrue(updatesCompared > SCENARIOS * 10, "emitted updates compared: " + updatesCompared);
        assertTrue(formattedPlaceholders > SCENARIOS / 100, "formatted texts opened late: " + formattedPlaceholders);
        System.out.println("Compared " + updatesCompared + " emitted updates and " + mergedPayloads + " merged payloads; "
                + yjsReplicasWithDifferentBytes + " scenarios ended with synced Yjs replicas encoding differently; "
                + formattedPlaceholders + " formatted texts were opened after their formatting arrived");
    }

    private static Run runScenario(long seed) throws InvalidUpdateException, DecodingException {
        Random random = new Random(seed);
        Run run = new Run(seed);
        int docCount = 2 + random.nextInt(3);
        boolean gc = random.nextInt(4) != 0;
        List<Object> docSpecs = new ArrayList<>();
        List<List<byte[]>> current = new ArrayList<>();
        List<List<Object>> currentDeltas = new ArrayList<>();
        for (int i = 0; i < docCount; i++) {
            Doc doc = new Doc(RANDOM, gc);
            int clientId = random.nextBoolean() ? random.nextInt() : 1 + random.nextInt(50);
            for (Doc other : run.docs) {
                if (other.clientId() == clientId) {
                    clientId++;
                }
            }
            doc.setClientId(clientId);
            List<byte[]> log = new ArrayList<>();
            current.add(log);
            doc.onUpdate((update, origin, transaction) -> log.add(update));
            currentDeltas.add(new ArrayList<>());
            run.docs.add(doc);
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("clientID", (double) Integer.toUnsignedLong(clientId));
            spec.put("gc", gc);
            if (random.nextInt(4) == 0) {
                // updates reach this doc before it asks for its roots: placeholders, converted on first use (a
                // formatted text then keeps search markers in Yjs, and its lookups depend on them)
                spec.put("lateRoots", true);
            } else {
                openRoots(doc, currentDeltas.get(i));
            }
            docSpecs.add(spec);
        }
        List<Object> steps = new ArrayList<>();
        Map<String, byte[]> byStep = new LinkedHashMap<>();
        List<String> deliverable = new ArrayList<>();
        int stepCount = 4 + random.nextInt(12);
        for (int s = 0; s < stepCount; s++) {
            current.forEach(List::clear);
            currentDeltas.forEach(List::clear);
            Map<String, Object> step = new LinkedHashMap<>();
            int choice = random.nextInt(10);
            if (choice < 6 || deliverable.isEmpty()) {
                int d = random.nextInt(docCount);
                Doc doc = run.docs.get(d);
                openRoots(doc, currentDeltas.get(d));
                List<Object> ops = new ArrayList<>();
                int edits = 1 + random.nextInt(4);
                doc.transact(t -> {
                    for (int e = 0; e < edits; e++) {
                        ops.add(RandomEdits.editOnce(random, doc));
                    }
                }, "local");
                step.put("doc", (double) d);
                step.put("ops", ops);
            } else if (choice == 6) {
                // several step updates merged (and maybe diffed) by the update utilities, delivered at once
                List<byte[]> parts = new ArrayList<>();
                List<Object> refs = new ArrayList<>();
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    String ref = deliverable.get(random.nextInt(deliverable.size()));
                    String[] p = ref.split(":");
                    refs.add(Map.of("doc", Double.parseDouble(p[0]), "step", Double.parseDouble(p[1])));
                    parts.add(byStep.get(ref));
                }
                int to = random.nextInt(docCount);
                boolean diff = random.nextBoolean();
                byte[] payload = UpdateMerger.merge(parts);
                if (diff) {
                    payload = UpdateMerger.diff(payload, StateVector.decode(run.docs.get(to).encodeStateVector()));
                }
                step.put("sync", "merged");
                step.put("to", (double) to);
                step.put("refs", refs);
                step.put("diff", diff);
                run.payloads.put(String.valueOf(s), Hex.of(payload));
                run.docs.get(to).applyUpdate(payload, "remote");
            } else if (choice < 9) {
                String ref = deliverable.get(random.nextInt(deliverable.size()));
                int to = random.nextInt(docCount);
                String[] parts = ref.split(":");
                step.put("sync", "deliver");
                step.put("to", (double) to);
                step.put("ref", Map.of("doc", Double.parseDouble(parts[0]), "step", Double.parseDouble(parts[1])));
                run.docs.get(to).applyUpdate(byStep.get(ref), "remote");
            } else {
                int from = random.nextInt(docCount);
                int to = (from + 1 + random.nextInt(docCount - 1)) % docCount;
                step.put("sync", "diff");
                step.put("from", (double) from);
                step.put("to", (double) to);
                Doc target = run.docs.get(to);
                target.applyUpdate(run.docs.get(from).encodeStateAsUpdate(target.encodeStateVector()), "remote");
            }
            record(run, current, s, byStep, deliverable);
            recordDeltas(run, currentDeltas);
            steps.add(step);
        }
        current.forEach(List::clear);
        currentDeltas.forEach(List::clear);
        syncAll(run.docs, current);
        steps.add(Map.of("sync", "all"));
        record(run, current, stepCount, byStep, deliverable);
        recordDeltas(run, currentDeltas);
        for (int i = 0; i < docCount; i++) {
            openRoots(run.docs.get(i), currentDeltas.get(i));
        }
        List<Object> javaFinal = new ArrayList<>();
        for (Doc doc : run.docs) {
            javaFinal.add(Hex.of(doc.encodeStateAsUpdate()));
        }
        run.scenario.put("seed", (double) seed);
        run.scenario.put("docs", docSpecs);
        run.scenario.put("steps", steps);
        run.scenario.put("javaFinal", javaFinal);
        return run;
    }

    private static void record(Run run, List<List<byte[]>> current, int step, Map<String, byte[]> byStep,
            List<String> deliverable) {
        Map<String, Object> emitted = new LinkedHashMap<>();
        for (int i = 0; i < current.size(); i++) {
            List<byte[]> updates = current.get(i);
            if (!updates.isEmpty()) {
                List<Object> hex = new ArrayList<>();
                updates.forEach(u -> hex.add(Hex.of(u)));
                emitted.put(String.valueOf(i), hex);
            }
            if (updates.size() == 1) {
                byStep.put(i + ":" + step, updates.get(0));
                deliverable.add(i + ":" + step);
            }
        }
        run.emitted.add(emitted);
    }

    /** Asks for the roots (once) and records the delta of every event of the root text from then on. */
    private static void openRoots(Doc doc, List<Object> deltaLog) {
        SharedType before = doc.rootType("t");
        if (before instanceof YText) {
            return;
        }
        if (before != null && before.isFormatted()) {
            formattedPlaceholders++;
        }
        RandomEdits.openRoots(doc);
        doc.getText("t").observe(event -> deltaLog.add(deltaJson(event.delta())));
    }

    private static void recordDeltas(Run run, List<List<Object>> currentDeltas) {
        Map<String, Object> deltas = new LinkedHashMap<>();
        for (int i = 0; i < currentDeltas.size(); i++) {
            if (!currentDeltas.get(i).isEmpty()) {
                deltas.put(String.valueOf(i), new ArrayList<>(currentDeltas.get(i)));
            }
        }
        run.deltas.add(deltas);
    }

    private static List<Object> deltaJson(List<DeltaOp> delta) {
        List<Object> json = new ArrayList<>();
        for (DeltaOp op : delta) {
            json.add(op.toJSON());
        }
        return json;
    }

    private static void syncAll(List<Doc> docs, List<List<byte[]>> current) throws InvalidUpdateException {
        for (int round = 0; round < 5; round++) {
            boolean changed = false;
            for (int a = 0; a < docs.size(); a++) {
                for (int b = 0; b < docs.size(); b++) {
                    if (a != b) {
                        int before = current.get(b).size();
                        docs.get(b).applyUpdate(docs.get(a).encodeStateAsUpdate(docs.get(b).encodeStateVector()), "remote");
                        changed |= current.get(b).size() != before;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
    }

    private static void compare(Run run, Map<?, ?> result) throws InvalidUpdateException {
        String where = "scenario seed " + Long.toHexString(run.seed) + ": ";
        assertNull(result.get("error"), () -> where + "Yjs failed: " + result.get("error"));
        assertEquals(Canonical.json(result.get("payloads")), Canonical.json(run.payloads), where + "merged payloads");
        List<?> emitted = (List<?>) result.get("emitted");
        for (int s = 0; s < run.emitted.size(); s++) {
            assertEquals(Canonical.json(emitted.get(s)), Canonical.json(run.emitted.get(s)),
                    where + "updates emitted at step " + s);
        }
        List<?> deltas = (List<?>) result.get("deltas");
        for (int s = 0; s < run.deltas.size(); s++) {
            assertEquals(Canonical.json(deltas.get(s)), Canonical.json(run.deltas.get(s)),
                    where + "text event deltas at step " + s);
        }
        List<?> finals = (List<?>) result.get("final");
        List<?> reencoded = (List<?>) result.get("reencodedJavaFinal");
        for (int i = 0; i < run.docs.size(); i++) {
            Doc doc = run.docs.get(i);
            Map<?, ?> yjs = (Map<?, ?>) finals.get(i);
            String ours = Hex.of(doc.encodeStateAsUpdate());
            assertEquals(yjs.get("update"), ours, where + "final update of doc " + i);
            assertEquals(yjs.get("stateVector"), Hex.of(doc.encodeStateVector()), where + "state vector of doc " + i);
            assertEquals(Canonical.json(yjs.get("json")), json(doc), where + "json of doc " + i);
            // both engines read our final state into a fresh document: same bytes, same JSON (not necessarily the
            // input bytes: reloading can merge adjacent GC structs that the live document kept apart, in Yjs too)
            Map<?, ?> back = (Map<?, ?>) reencoded.get(i);
            Doc fresh = new Doc(RANDOM, doc.gcEnabled());
            RandomEdits.openRoots(fresh);
            fresh.applyUpdate(Hex.parse(ours));
            assertEquals(back.get("update"), Hex.of(fresh.encodeStateAsUpdate()), where + "reloading final update " + i);
            assertEquals(Canonical.json(back.get("json")), json(fresh), where + "json after reloading final update " + i);
        }
    }

    private static String json(Doc doc) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("m", doc.getMap("m").toJSON());
        json.put("a", doc.getArray("a").toJSON());
        json.put("t", doc.getText("t").toString());
        json.put("tDelta", deltaJson(doc.getText("t").toDelta()));
        return Canonical.json(json);
    }

    private static String runNode(String input) throws IOException, InterruptedException, JsonException {
        if (!Files.exists(SCRIPT) || !Files.isDirectory(Path.of("test-harness", "node", "node_modules", "yjs"))) {
            throw new IllegalStateException("Run from the repository root with test-harness/node installed (npm ci)");
        }
        Process node = new ProcessBuilder("node", SCRIPT.getFileName().toString())
                .directory(SCRIPT.getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream stdout = node.getInputStream()) {
            stdout.transferTo(out);
        }
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException("node did not finish");
        }
        assertEquals(0, node.exitValue(), "node exit code");
        return out.toString(StandardCharsets.UTF_8);
    }
}
