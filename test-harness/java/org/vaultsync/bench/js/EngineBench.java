package org.vaultsync.bench.js;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.classlib.PlatformDetector;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSNumber;
import org.teavm.jso.core.JSObjects;
import org.teavm.jso.core.JSString;
import org.teavm.jso.typedarrays.Int8Array;
import org.vaultsync.browser.BrowserNativeText;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.crdt.types.YText;
import org.vaultsync.crdt.update.InvalidUpdateException;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Our engine's side of {@code bin/bench-crdt-js}: the workloads of test-harness/node/engine-bench/workloads.mjs
 * written in Java against our API, compiled by TeaVM exactly as the app is (ADVANCED, minified) into an ES module
 * whose exported functions the JavaScript driver calls in Node and in Chromium. Each returns
 * {@code {times, sizes, outputs}}: milliseconds measured with {@code performance.now()} around the same steps as
 * the Yjs side, and every produced byte array (or JSON text) for the driver to hash and compare.
 */
public final class EngineBench {
    static {
        // as the app does at start; the WebAssembly GC build (bin/bench-crdt-wasm) keeps the pure-Java text coding,
        // since its byte arrays live in the WebAssembly heap where a TextEncoder cannot write (TeaVM folds this test
        // per target, so the JavaScript-only code is not even compiled there)
        if (!PlatformDetector.isWebAssemblyGC()) {
            BrowserNativeText.install();
        }
    }

    private EngineBench() {
    }

    /** The 20,000-edit mix of bin/bench-crdt (test-harness/node/crdt-bench.mjs), one round. */
    @JSExport
    public static JSObject edits(int edits) throws InvalidUpdateException {
        Result result = new Result();
        double[] x = {1};
        Doc doc = newDoc(1);
        List<byte[]> updates = new ArrayList<>();
        doc.onUpdate((u, o, t) -> updates.add(u));
        YMap m = doc.getMap("m");
        YArray a = doc.getArray("a");
        double t0 = now();
        for (int i = 0; i < edits; i++) {
            int op = lehmer(x, 10);
            if (op < 4) {
                m.set("k" + lehmer(x, 200), i);
            } else if (op < 9 || a.length() == 0) {
                a.insert(lehmer(x, a.length() + 1), i);
            } else {
                a.delete(lehmer(x, a.length()), 1);
            }
        }
        double t1 = now();
        byte[] full = doc.encodeStateAsUpdate();
        double t2 = now();
        Doc loaded = newDoc(2);
        loaded.applyUpdate(full);
        double t3 = now();
        Doc replica = newDoc(3);
        for (byte[] u : updates) {
            replica.applyUpdate(u);
        }
        double t4 = now();
        result.time("edits", t1 - t0);
        result.time("encodeStateAsUpdate", t2 - t1);
        result.time("loadFullState", t3 - t2);
        result.time("replayUpdates", t4 - t3);
        result.size("stateBytes", full.length);
        result.output("state", full);
        result.output("updates", concat(updates));
        result.output("loadedState", loaded.encodeStateAsUpdate());
        result.output("replicaState", replica.encodeStateAsUpdate());
        return result.js;
    }

    /**
     * The vault workload of /work/shared/bench-data/yjs-reference-bench.mjs: 5,000 items of ~1 KB set in one
     * map, one transaction each; 20,000 whole-item replacements; sync rounds; a fresh load and its toJSON.
     */
    @JSExport
    public static JSObject vault() throws InvalidUpdateException, JsonException {
        Result result = new Result();
        int nItems = 5000;
        int nUpdates = 20000;
        Mulberry32 rand = new Mulberry32(42);
        List<Map<String, Object>> items = new ArrayList<>(nItems);
        for (int i = 0; i < nItems; i++) {
            items.add(VaultItems.make(rand, i));
        }
        Doc docA = newDoc(VaultItems.CLIENT_A);
        YMap map = docA.getMap("vault");
        List<byte[]> updates = new ArrayList<>();
        docA.onUpdate((u, o, t) -> updates.add(u));
        double t0 = now();
        for (int i = 0; i < nItems; i++) {
            Map<String, Object> item = items.get(i);
            map.set((String) item.get("id"), item);
        }
        result.time("insert", now() - t0);
        result.output("insertUpdates", concat(updates));
        updates.clear();
        double t1 = now();
        byte[] stateAfterInsert = docA.encodeStateAsUpdate();
        result.time("insertEncode", now() - t1);
        result.size("insertStateBytes", stateAfterInsert.length);
        result.output("insertState", stateAfterInsert);

        Doc docB = newDoc(VaultItems.CLIENT_B);
        syncRound(result, "syncFull", docA, docB);
        if (docB.getMap("vault").size() != nItems) {
            throw new IllegalStateException("sync mismatch");
        }

        Mulberry32 urand = new Mulberry32(7);
        t0 = now();
        for (int k = 0; k < nUpdates; k++) {
            String key = (String) items.get((int) Math.floor(urand.next() * nItems)).get("id");
            @SuppressWarnings("unchecked")
            Map<String, Object> current = (Map<String, Object>) map.get(key);
            Map<String, Object> copy = new LinkedHashMap<>(current);
            if (urand.next() < 0.7) {
                String field = VaultItems.NUM_FIELDS[(int) Math.floor(urand.next() * VaultItems.NUM_FIELDS.length)];
                copy.put(field, (Double) current.get(field) + 1);
            } else {
                String field = VaultItems.STR_FIELDS[(int) Math.floor(urand.next() * VaultItems.STR_FIELDS.length)];
                copy.put(field, current.get(field) + "*");
            }
            map.set(key, copy);
        }
        result.time("replace", now() - t0);
        result.output("replaceUpdates", concat(updates));
        updates.clear();
        t1 = now();
        byte[] full = docA.encodeStateAsUpdate();
        result.time("finalEncode", now() - t1);
        result.size("finalStateBytes", full.length);
        result.output("finalState", full);

        docB = newDoc(VaultItems.CLIENT_B);
        docB.applyUpdate(stateAfterInsert);
        syncRound(result, "syncCatchup", docA, docB);
        docB = newDoc(VaultItems.CLIENT_B);
        syncRound(result, "syncFullAfterReplace", docA, docB);

        t1 = now();
        Doc docC = newDoc(VaultItems.CLIENT_C);
        docC.applyUpdate(full);
        result.time("freshApply", now() - t1);
        double t2 = now();
        Map<String, Object> json = docC.getMap("vault").toJSON();
        result.time("freshToJSON", now() - t2);
        if (json.size() != nItems) {
            throw new IllegalStateException("vault mismatch");
        }
        result.output("freshJson", Json.stringify(json));

        docB = newDoc(VaultItems.CLIENT_B);
        docB.applyUpdate(docA.encodeStateAsUpdate());
        for (int k = 0; k < 100; k++) {
            String key = (String) items.get((int) Math.floor(urand.next() * nItems)).get("id");
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map.get(key));
            copy.put("bv", (Double) copy.get("bv") + 1);
            map.set(key, copy);
        }
        syncRound(result, "syncSmall", docA, docB);
        if (!Json.stringify(docB.getMap("vault").toJSON()).equals(Json.stringify(map.toJSON()))) {
            throw new IllegalStateException("small sync mismatch");
        }
        return result.js;
    }

    /**
     * B4, the automerge-paper trace (bin/bench-crdt's text workload), typed into one YText with one transaction per
     * delete and per insert; then the state, a fresh doc loading it, and the final text. The trace arrives as flat
     * JavaScript arrays and is turned into Java arrays before anything is timed.
     */
    @JSExport
    public static JSObject b4(JSObject positions, JSObject deletes, JSObject inserts, String endContent)
            throws InvalidUpdateException {
        int n = length(positions);
        int[] at = new int[n];
        int[] deleted = new int[n];
        String[] inserted = new String[n];
        for (int i = 0; i < n; i++) {
            at[i] = intAt(positions, i);
            deleted[i] = intAt(deletes, i);
            inserted[i] = stringAt(inserts, i);
        }
        Result result = new Result();
        Doc doc = newDoc((int) 2654435769L);
        YText text = doc.getText("text");
        double t0 = now();
        for (int i = 0; i < n; i++) {
            if (deleted[i] > 0) {
                text.delete(at[i], deleted[i]);
            }
            if (!inserted[i].isEmpty()) {
                text.insert(at[i], inserted[i]);
            }
        }
        double t1 = now();
        byte[] full = doc.encodeStateAsUpdate();
        double t2 = now();
        Doc loaded = newDoc(2);
        loaded.applyUpdate(full);
        String content = loaded.getText("text").toString();
        double t3 = now();
        if (!text.toString().equals(endContent) || !content.equals(endContent)) {
            throw new IllegalStateException("B4 text differs from the trace");
        }
        result.time("b4Replay", t1 - t0);
        result.time("b4Encode", t2 - t1);
        result.time("b4Load", t3 - t2);
        result.size("b4StateBytes", full.length);
        result.output("b4State", full);
        result.output("b4Text", content);
        return result.js;
    }

    /**
     * Profiling aid (not part of the timed workloads): applies {@code state} to a fresh document and returns the
     * milliseconds it took, so a profile of repeated calls shows the load path alone
     * (test-harness/node/engine-bench/profile-load.mjs).
     */
    @JSExport
    public static double loadState(Int8Array state) throws InvalidUpdateException {
        byte[] bytes = state.copyToJavaArray();
        double t0 = now();
        newDoc(2).applyUpdate(bytes);
        return now() - t0;
    }

    /**
     * Profiling aid like {@link #loadState}: loads {@code state} (not timed) and returns the milliseconds that
     * reading its text {@code "text"} (B4's) took (test-harness/node/engine-bench/ab-load.mjs {@code --read-text}).
     */
    @JSExport
    public static double readText(Int8Array state) throws InvalidUpdateException {
        Doc doc = newDoc(2);
        doc.applyUpdate(state.copyToJavaArray());
        double t0 = now();
        doc.getText("text").toString();
        return now() - t0;
    }

    /**
     * Profiling aid like {@link #loadState}: loads {@code state} (the vault's final state; not timed), then times the
     * vault figure "fresh doc: map.toJSON()" in its two parts, the first {@code getMap("vault")} (taking over the
     * root an update created) and {@code toJSON()} (test-harness/node/engine-bench/ab-tojson.mjs).
     */
    @JSExport
    public static JSObject freshToJSON(Int8Array state) throws InvalidUpdateException {
        Doc doc = newDoc(VaultItems.CLIENT_C);
        doc.applyUpdate(state.copyToJavaArray());
        double t0 = now();
        YMap map = doc.getMap("vault");
        double t1 = now();
        Map<String, Object> json = map.toJSON();
        double t2 = now();
        Result result = new Result();
        result.time("getMap", t1 - t0);
        result.time("toJSON", t2 - t1);
        result.size("entries", json.size());
        return result.js;
    }

    @JSBody(params = "list", script = "return list.length;")
    private static native int length(JSObject list);

    @JSBody(params = {"list", "index"}, script = "return list[index];")
    private static native int intAt(JSObject list, int index);

    @JSBody(params = {"list", "index"}, script = "return list[index];")
    private static native String stringAt(JSObject list, int index);

    private static void syncRound(Result result, String name, Doc docA, Doc docB) throws InvalidUpdateException {
        double t0 = now();
        byte[] sv = docB.encodeStateVector();
        double t1 = now();
        byte[] diff = docA.encodeStateAsUpdate(sv);
        double t2 = now();
        docB.applyUpdate(diff);
        double t3 = now();
        result.time(name, t3 - t0);
        result.time(name + ".stateVector", t1 - t0);
        result.time(name + ".diff", t2 - t1);
        result.time(name + ".apply", t3 - t2);
        result.size(name + ".diffBytes", diff.length);
        result.output(name + ".stateVector", sv);
        result.output(name + ".diff", diff);
        result.output(name + ".stateAfter", docB.encodeStateAsUpdate());
    }

    /** The Lehmer generator of crdt-bench.mjs, in double arithmetic as JavaScript computes it (exact below 2^53). */
    private static int lehmer(double[] x, int n) {
        x[0] = (x[0] * 48271) % 2147483647;
        return (int) (x[0] % n);
    }

    private static Doc newDoc(int clientId) {
        // the random client id is replaced at once, so any source does; crypto.getRandomValues fills a byte array
        // in place only where it is a typed array (not in the WebAssembly GC build)
        Doc doc = new Doc(target -> {
            for (int i = 0; i < target.length; i++) {
                target[i] = (byte) (Math.random() * 256);
            }
        });
        doc.setClientId(clientId);
        return doc;
    }

    private static byte[] concat(List<byte[]> parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @JSBody(script = "return performance.now();")
    private static native double now();

    /** The {@code {times, sizes, outputs}} object handed back to the driver. */
    private static final class Result {
        final JSObject js = JSObjects.create();
        final JSObject times = JSObjects.create();
        final JSObject sizes = JSObjects.create();
        final JSObject outputs = JSObjects.create();

        Result() {
            put(js, "times", times);
            put(js, "sizes", sizes);
            put(js, "outputs", outputs);
        }

        void time(String name, double ms) {
            put(times, name, JSNumber.valueOf(ms));
        }

        void size(String name, int bytes) {
            put(sizes, name, JSNumber.valueOf(bytes));
        }

        void output(String name, byte[] bytes) {
            put(outputs, name, Int8Array.copyFromJavaArray(bytes)); // a copy, after the timings: both targets
        }

        void output(String name, String text) {
            put(outputs, name, JSString.valueOf(text));
        }

        @JSBody(params = {"target", "key", "value"}, script = "target[key] = value;")
        private static native void put(JSObject target, String key, JSObject value);
    }
}
