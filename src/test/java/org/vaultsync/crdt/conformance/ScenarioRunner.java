package org.vaultsync.crdt.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Canonical;
import org.vaultsync.crdt.Hex;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.JsPropertyOrder;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.crdt.types.DeltaOp;
import org.vaultsync.crdt.types.SharedType;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.crdt.types.YText;
import org.vaultsync.crdt.update.InvalidUpdateException;
import org.vaultsync.crdt.update.UpdateMerger;

/**
 * Replays one conformance scenario on our engine and compares, byte for byte, every update each document emits,
 * every sync payload, the snapshots, the final state updates, state vectors, JSON and text deltas, and the merged
 * update; then every final update must decode and re-encode to the same bytes. Plain Java so it runs on the JVM and
 * compiled by TeaVM.
 */
public final class ScenarioRunner {
    private final Map<String, Object> scenario;
    private final String name;
    private final Map<String, Object> roots;
    private final List<Doc> docs = new ArrayList<>();
    private final List<List<byte[]>> emitted = new ArrayList<>();
    private final List<byte[]> localUpdates = new ArrayList<>();
    private final Map<String, List<byte[]>> stepUpdates = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public ScenarioRunner(Map<String, Object> scenario) {
        this.scenario = scenario;
        this.name = (String) scenario.get("name");
        this.roots = (Map<String, Object>) scenario.get("roots");
    }

    public void run(RandomBytes random) throws InvalidUpdateException, DecodingException {
        replay(random);
        checkFinalUpdatesReencode(random);
    }

    private void replay(RandomBytes random) throws InvalidUpdateException, DecodingException {
        for (Object d : list(scenario.get("docs"))) {
            Map<?, ?> spec = (Map<?, ?>) d;
            Doc doc = new Doc(random, (Boolean) spec.get("gc"));
            doc.setClientId((int) ((Double) spec.get("clientID")).longValue());
            for (Map.Entry<String, Object> root : roots.entrySet()) {
                openRoot(doc, root.getKey(), (String) root.getValue());
            }
            List<byte[]> log = new ArrayList<>();
            emitted.add(log);
            doc.onUpdate((update, origin, transaction) -> {
                log.add(update);
                if ("local".equals(origin)) {
                    localUpdates.add(update);
                }
            });
            docs.add(doc);
        }
        boolean synced = false;
        for (Object s : list(scenario.get("steps"))) {
            Map<?, ?> step = (Map<?, ?>) s;
            int stepIndex = number(step.get("step"));
            int[] before = new int[docs.size()];
            for (int i = 0; i < docs.size(); i++) {
                before[i] = emitted.get(i).size();
            }
            if (step.containsKey("ops")) {
                Doc doc = docs.get(number(step.get("doc")));
                doc.transact(t -> {
                    for (Object op : list(step.get("ops"))) {
                        applyOp(doc, (Map<?, ?>) op);
                    }
                }, "local");
            } else {
                if (!synced) {
                    synced = true;
                    Object snapshots = ((Map<?, ?>) scenario.get("snapshots")).get("afterLocalEdits");
                    compareSnapshots("afterLocalEdits", list(snapshots));
                }
                sync(step, stepIndex);
            }
            Map<?, ?> expected = (Map<?, ?>) step.get("emitted");
            for (int i = 0; i < docs.size(); i++) {
                List<byte[]> fresh = emitted.get(i).subList(before[i], emitted.get(i).size());
                List<String> actual = new ArrayList<>();
                for (byte[] update : fresh) {
                    actual.add(Hex.of(update));
                }
                Object want = expected.get(String.valueOf(i));
                check("step " + stepIndex + " updates emitted by doc " + i, want == null ? List.of() : want, actual);
                if (!fresh.isEmpty()) {
                    stepUpdates.put(i + ":" + stepIndex, new ArrayList<>(fresh));
                }
            }
        }
        compareSnapshots("final", list(scenario.get("final")));
        byte[] merged = UpdateMerger.merge(localUpdates);
        check("mergedUpdate", scenario.get("mergedUpdate"), Hex.of(merged));
        Doc fresh = new Doc(random);
        for (Map.Entry<String, Object> root : roots.entrySet()) {
            openRoot(fresh, root.getKey(), (String) root.getValue());
        }
        fresh.applyUpdate(merged);
        check("mergedJson", Canonical.json(scenario.get("mergedJson")), Canonical.json(json(fresh)));
    }

    private void sync(Map<?, ?> step, int stepIndex) throws InvalidUpdateException {
        String kind = (String) step.get("sync");
        if ("diff".equals(kind)) {
            Doc from = docs.get(number(step.get("from")));
            Doc to = docs.get(number(step.get("to")));
            byte[] payload = from.encodeStateAsUpdate(to.encodeStateVector());
            check("step " + stepIndex + " payload", step.get("payloadHex"), Hex.of(payload));
            to.applyUpdate(payload, "remote");
        } else if ("deliver".equals(kind)) {
            Map<?, ?> ref = (Map<?, ?>) step.get("ref");
            List<byte[]> updates = stepUpdates.get(number(ref.get("doc")) + ":" + number(ref.get("step")));
            if (updates == null || updates.size() != 1) {
                throw new AssertionError(name + ": step " + stepIndex + " refers to a step without exactly one update");
            }
            check("step " + stepIndex + " payload", step.get("payloadHex"), Hex.of(updates.get(0)));
            Doc to = docs.get(number(step.get("to")));
            to.applyUpdate(updates.get(0), "remote");
            Map<?, ?> pendingAfter = (Map<?, ?>) step.get("pendingAfter");
            Map<String, Object> actualMissing = new LinkedHashMap<>();
            to.pending().missing().forEach((c, clock) -> actualMissing.put(Integer.toUnsignedString(c), (double) clock));
            Object expectedMissing = pendingAfter == null ? Map.of() : pendingAfter.get("missing");
            check("step " + stepIndex + " pending", Canonical.json(expectedMissing),
                    Canonical.json(to.pending().structs() == null ? Map.of() : actualMissing));
        } else {
            for (int round = 0; round < 5; round++) {
                boolean changed = false;
                for (int a = 0; a < docs.size(); a++) {
                    for (int b = 0; b < docs.size(); b++) {
                        if (a == b) {
                            continue;
                        }
                        int n = emitted.get(b).size();
                        docs.get(b).applyUpdate(docs.get(a).encodeStateAsUpdate(docs.get(b).encodeStateVector()), "remote");
                        changed |= emitted.get(b).size() != n;
                    }
                }
                if (!changed) {
                    break;
                }
            }
        }
    }

    private void compareSnapshots(String label, List<Object> snapshots) {
        for (Object s : snapshots) {
            Map<?, ?> snapshot = (Map<?, ?>) s;
            int index = number(snapshot.get("doc"));
            Doc doc = docs.get(index);
            check(label + " update of doc " + index, snapshot.get("update"), Hex.of(doc.encodeStateAsUpdate()));
            check(label + " state vector of doc " + index, snapshot.get("stateVector"), Hex.of(doc.encodeStateVector()));
            check(label + " json of doc " + index, Canonical.json(snapshot.get("json")), Canonical.json(json(doc)));
            Object deltas = snapshot.get("textDeltas");
            if (deltas != null) {
                check(label + " text deltas of doc " + index, Canonical.json(deltas), Canonical.json(textDeltas(doc)));
            }
        }
    }

    /** Every final update, applied to a fresh document, must come back out byte for byte (text ones included). */
    private void checkFinalUpdatesReencode(RandomBytes random) throws InvalidUpdateException {
        for (Object s : list(scenario.get("final"))) {
            Map<?, ?> snapshot = (Map<?, ?>) s;
            String hex = (String) snapshot.get("update");
            Map<?, ?> docSpec = (Map<?, ?>) list(scenario.get("docs")).get(number(snapshot.get("doc")));
            Doc fresh = new Doc(random, (Boolean) docSpec.get("gc")); // a gc doc would collect what the update deletes
            fresh.applyUpdate(Hex.parse(hex));
            check("re-encoded final update of doc " + snapshot.get("doc"), hex, Hex.of(fresh.encodeStateAsUpdate()));
            check("state vector from final update of doc " + snapshot.get("doc"), snapshot.get("stateVector"),
                    Hex.of(fresh.encodeStateVector()));
            for (Map.Entry<String, Object> root : roots.entrySet()) {
                openRoot(fresh, root.getKey(), (String) root.getValue());
            }
            check("json from final update of doc " + snapshot.get("doc"), Canonical.json(snapshot.get("json")),
                    Canonical.json(json(fresh)));
        }
    }

    private Map<String, Object> json(Doc doc) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String root : roots.keySet()) {
            SharedType type = doc.rootType(root);
            json.put(root, type == null ? null : type.toJSON());
        }
        return json;
    }

    private Map<String, Object> textDeltas(Doc doc) {
        Map<String, Object> deltas = new LinkedHashMap<>();
        for (Map.Entry<String, Object> root : roots.entrySet()) {
            if ("text".equals(root.getValue())) {
                List<Object> ops = new ArrayList<>();
                for (DeltaOp op : doc.getText(root.getKey()).toDelta()) {
                    ops.add(op.toJSON());
                }
                deltas.put(root.getKey(), ops);
            }
        }
        return deltas;
    }

    private static void openRoot(Doc doc, String name, String kind) {
        if ("map".equals(kind)) {
            doc.getMap(name);
        } else if ("array".equals(kind)) {
            doc.getArray(name);
        } else {
            doc.getText(name);
        }
    }

    private static void applyOp(Doc doc, Map<?, ?> op) {
        List<Object> path = list(op.get("path"));
        SharedType target = doc.rootType((String) path.get(0));
        for (Object key : path.subList(1, path.size())) {
            Object child = target instanceof YMap map ? map.get((String) key) : ((YArray) target).get(number(key));
            target = (SharedType) child;
        }
        String action = op.get("type") + "." + op.get("action");
        switch (action) {
            case "map.set" -> ((YMap) target).set((String) op.get("key"), value(op.get("value")));
            case "map.delete" -> ((YMap) target).delete((String) op.get("key"));
            case "array.insert" -> ((YArray) target).insert(number(op.get("index")), values(op.get("values")));
            case "array.push" -> ((YArray) target).push(values(op.get("values")));
            case "array.delete" -> ((YArray) target).delete(number(op.get("index")), number(op.get("length")));
            case "text.insert" -> ((YText) target).insert(number(op.get("index")), (String) op.get("text"),
                    attributes(op.get("attributes")));
            case "text.delete" -> ((YText) target).delete(number(op.get("index")), number(op.get("length")));
            case "text.format" -> ((YText) target).format(number(op.get("index")), number(op.get("length")),
                    attributes(op.get("attributes")));
            case "text.insertEmbed" -> ((YText) target).insertEmbed(number(op.get("index")), value(op.get("embed")),
                    attributes(op.get("attributes")));
            default -> throw new AssertionError("Cannot replay " + action);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Object spec) {
        return spec == null ? null : (Map<String, Object>) value(spec);
    }

    private static List<Object> values(Object spec) {
        List<Object> values = new ArrayList<>();
        for (Object v : list(spec)) {
            values.add(value(v));
        }
        return values;
    }

    /** A value in the vectors' notation as our API takes it; nested types become preliminary YMap/YArray. */
    private static Object value(Object spec) {
        if (spec instanceof Map<?, ?> map) {
            if (map.containsKey("$bytes")) {
                return Hex.parse((String) map.get("$bytes"));
            }
            if (map.containsKey("$undefined")) {
                return Undefined.VALUE;
            }
            if ("Y.Map".equals(map.get("$type"))) {
                YMap ymap = new YMap();
                Object entries = map.get("entries");
                if (entries instanceof Map<?, ?> e) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) e;
                    for (String key : JsPropertyOrder.keys(typed)) {
                        ymap.set(key, value(typed.get(key)));
                    }
                }
                return ymap;
            }
            if ("Y.Text".equals(map.get("$type"))) {
                Object text = map.get("text");
                return new YText(text == null ? "" : (String) text);
            }
            if ("Y.Array".equals(map.get("$type"))) {
                YArray yarray = new YArray();
                Object v = map.get("values");
                if (v != null) {
                    yarray.push(values(v));
                }
                return yarray;
            }
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                object.put((String) entry.getKey(), value(entry.getValue()));
            }
            return object;
        }
        if (spec instanceof List<?> list) {
            return values(list);
        }
        return spec;
    }

    private void check(String what, Object expected, Object actual) {
        if (!String.valueOf(expected).equals(String.valueOf(actual))) {
            throw new AssertionError(name + ": " + what + " differs\n expected: " + expected + "\n   actual: " + actual);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static int number(Object value) {
        return (int) ((Double) value).doubleValue();
    }
}
