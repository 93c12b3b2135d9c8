package org.vaultsync.bench.js;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;
import org.vaultsync.browser.BrowserNativeText;
import org.vaultsync.browser.CryptoRandomBytes;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.crdt.update.InvalidUpdateException;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * The CRDT engine and nothing else, as a JavaScript module: what bin/measure-size reports as "engine alone", to be
 * set against Yjs alone. It exports the engine's whole API surface (documents, updates and state vectors, maps,
 * arrays, observers, JSON views) with values passed as JSON text, so TeaVM keeps every part of the engine a user
 * can reach and nothing of the sync layer, the transports or the UI.
 */
public final class EngineOnly {
    private static final List<Doc> DOCS = new ArrayList<>();

    static {
        BrowserNativeText.install(); // as the app does at start
    }

    private EngineOnly() {
    }

    @JSFunctor
    public interface Callback extends JSObject {
        void call(Int8Array bytes, String json);
    }

    @JSExport
    public static int newDoc(int clientId) {
        Doc doc = new Doc(new CryptoRandomBytes());
        doc.setClientId(clientId);
        DOCS.add(doc);
        return DOCS.size() - 1;
    }

    @JSExport
    public static void applyUpdate(int doc, Int8Array update) throws InvalidUpdateException {
        DOCS.get(doc).applyUpdate(update.copyToJavaArray());
    }

    @JSExport
    public static Int8Array encodeStateAsUpdate(int doc, Int8Array stateVector) throws InvalidUpdateException {
        Doc d = DOCS.get(doc);
        return Int8Array.fromJavaArray(stateVector == null ? d.encodeStateAsUpdate()
                : d.encodeStateAsUpdate(stateVector.copyToJavaArray()));
    }

    @JSExport
    public static Int8Array encodeStateVector(int doc) {
        return Int8Array.fromJavaArray(DOCS.get(doc).encodeStateVector());
    }

    @JSExport
    public static void onUpdate(int doc, Callback callback) {
        DOCS.get(doc).onUpdate((update, origin, transaction) -> callback.call(Int8Array.fromJavaArray(update), null));
    }

    @JSExport
    public static void mapSet(int doc, String root, String key, String json) throws JsonException {
        DOCS.get(doc).getMap(root).set(key, Json.parse(json));
    }

    @JSExport
    public static String mapGet(int doc, String root, String key) throws JsonException {
        return Json.stringify(DOCS.get(doc).getMap(root).get(key));
    }

    @JSExport
    public static void mapDelete(int doc, String root, String key) {
        DOCS.get(doc).getMap(root).delete(key);
    }

    @JSExport
    public static void mapSetMap(int doc, String root, String key) {
        DOCS.get(doc).getMap(root).set(key, new YMap());
    }

    @JSExport
    public static void arrayInsert(int doc, String root, int index, String jsonArray) throws JsonException {
        DOCS.get(doc).getArray(root).insert(index, (List<?>) Json.parse(jsonArray));
    }

    @JSExport
    public static void arrayInsertArray(int doc, String root, int index) {
        DOCS.get(doc).getArray(root).insert(index, new YArray());
    }

    @JSExport
    public static void arrayDelete(int doc, String root, int index, int count) {
        DOCS.get(doc).getArray(root).delete(index, count);
    }

    @JSExport
    public static String toJSON(int doc, String root, boolean array) throws JsonException {
        Doc d = DOCS.get(doc);
        return Json.stringify(array ? d.getArray(root).toJSON() : d.getMap(root).toJSON());
    }

    @JSExport
    public static void observeDeep(int doc, String root, boolean array, Callback callback) {
        Doc d = DOCS.get(doc);
        (array ? d.getArray(root) : d.getMap(root)).observeDeep(events -> callback.call(null, String.valueOf(events.size())));
    }

    @JSExport
    public static void observe(int doc, String root, boolean array, Callback callback) {
        Doc d = DOCS.get(doc);
        (array ? d.getArray(root) : d.getMap(root)).observe(event -> callback.call(null,
                event.path().size() + " " + event.keys().size() + " " + event.delta().size()));
    }
}
