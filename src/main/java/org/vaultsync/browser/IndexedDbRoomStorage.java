package org.vaultsync.browser;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Int8Array;
import org.vaultsync.sync.persistence.RoomStorage;
import org.vaultsync.sync.persistence.RoomStore;
import org.vaultsync.common.StorageCallback;
import org.vaultsync.sync.persistence.StoredUpdates;

/**
 * Room documents in IndexedDB, in y-indexeddb's layout so either can read the other's data: one database per room
 * (named after the room), version 1, an {@code updates} store of {@code Uint8Array} Yjs v1 updates under
 * auto-increment keys and a {@code custom} store. Every failure (quota, a blocked upgrade, a closed database) ends in
 * the operation's {@code failed} callback with a readable message, never in an exception.
 */
public final class IndexedDbRoomStorage implements RoomStorage {
    static final int VERSION = 1;

    @JSFunctor
    interface Success extends JSObject {
        void done(JSObject result);
    }

    @JSFunctor
    interface Failure extends JSObject {
        void failed(String message);
    }

    /** An open {@code IDBDatabase}. */
    interface Database extends JSObject {
    }

    public static boolean isSupported() {
        return hasIndexedDb();
    }

    static boolean available() {
        return hasIndexedDb();
    }

    @Override
    public void open(String roomName, StorageCallback<RoomStore> callback) {
        if (!hasIndexedDb()) {
            callback.failed("this browser has no IndexedDB");
            return;
        }
        openDatabase(roomName, VERSION,
                db -> callback.done(new Store((Database) db)),
                callback::failed);
    }

    @Override
    public void delete(String roomName, StorageCallback<Void> callback) {
        if (!hasIndexedDb()) {
            callback.done(null);
            return;
        }
        deleteDatabase(roomName, ignored -> callback.done(null), callback::failed);
    }

    private static final class Store implements RoomStore {
        private final Database db;
        private boolean closed;

        Store(Database db) {
            this.db = db;
        }

        @Override
        public void load(StorageCallback<StoredUpdates> callback) {
            readAll(db, result -> {
                JSArray<Int8Array> values = values(result);
                JSArray<JSObject> keys = keys(result);
                List<byte[]> updates = new ArrayList<>(values.getLength());
                List<Integer> keyList = new ArrayList<>(values.getLength());
                for (int i = 0; i < values.getLength(); i++) {
                    updates.add(values.get(i).toJavaArray());
                    keyList.add(asInt(keys.get(i)));
                }
                callback.done(new StoredUpdates(updates, keyList));
            }, callback::failed);
        }

        @Override
        public void append(byte[] update, StorageCallback<Integer> callback) {
            if (closed) {
                callback.failed("the room's storage is closed");
                return;
            }
            add(db, Int8Array.fromJavaArray(update), key -> callback.done(asInt(key)), callback::failed);
        }

        @Override
        public void replace(byte[] state, List<Integer> replacedKeys, StorageCallback<Integer> callback) {
            if (closed) {
                callback.failed("the room's storage is closed");
                return;
            }
            JSArray<JSObject> ranges = new JSArray<>();
            for (int[] range : contiguousRanges(replacedKeys)) {
                ranges.push(range(range[0], range[1]));
            }
            replaceAll(db, Int8Array.fromJavaArray(state), ranges, key -> callback.done(asInt(key)),
                    callback::failed);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                closeDatabase(db);
            }
        }
    }

    /** Runs of consecutive keys, so a compaction deletes a few ranges rather than one key at a time. */
    static List<int[]> contiguousRanges(List<Integer> keys) {
        List<Integer> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        List<int[]> ranges = new ArrayList<>();
        for (int key : sorted) {
            int[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && key <= last[1] + 1) {
                last[1] = Math.max(last[1], key);
            } else {
                ranges.add(new int[] {key, key});
            }
        }
        return ranges;
    }

    @JSBody(script = "return typeof indexedDB !== 'undefined' && indexedDB !== null;")
    private static native boolean hasIndexedDb();

    @JSBody(params = "key", script = "return key;")
    private static native int asInt(JSObject key);

    @JSBody(params = {"low", "high"}, script = "return [low, high];")
    private static native JSObject range(int low, int high);

    @JSBody(params = "result", script = "return result.values;")
    private static native JSArray<Int8Array> values(JSObject result);

    @JSBody(params = "result", script = "return result.keys;")
    private static native JSArray<JSObject> keys(JSObject result);

    static final String ERROR_TEXT = ""
            + "function idbError(error, fallback) {"
            + "  if (!error) return fallback;"
            + "  if (error.name === 'QuotaExceededError') return 'this device is out of storage space';"
            + "  return (error.name ? error.name + ': ' : '') + (error.message || fallback);"
            + "}";

    static void openDatabase(String name, int version, Success ok, Failure fail) {
        openDatabase(name, version, "updates", true, "custom", "storage", ok, fail);
    }

    /**
     * Opens (creating on first use) a database with up to two object stores (the second may be null), shared by the
     * room and vault storages. {@code what} names it in messages ("cannot open the vault"). A newer version of the
     * app upgrading the database from another tab must not wait on this one, so this tab closes on
     * {@code versionchange}.
     */
    @JSBody(params = {"name", "version", "first", "firstAutoIncrement", "second", "what", "ok", "fail"},
            script = ERROR_TEXT
            + "var request;"
            + "try { request = indexedDB.open(name, version); } catch (error) { fail(idbError(error, 'cannot open ' + what)); return; }"
            + "request.onupgradeneeded = function() {"
            + "  var db = request.result;"
            + "  if (!db.objectStoreNames.contains(first)) db.createObjectStore(first, firstAutoIncrement ? {autoIncrement: true} : undefined);"
            + "  if (second !== null && !db.objectStoreNames.contains(second)) db.createObjectStore(second);"
            + "};"
            + "var settled = false;"
            + "request.onsuccess = function() {"
            + "  var db = request.result;"
            + "  if (settled) { db.close(); return; }"
            + "  settled = true;"
            + "  db.onversionchange = function() { db.close(); };"
            + "  ok(db);"
            + "};"
            + "request.onerror = function() { if (!settled) { settled = true; fail(idbError(request.error, 'cannot open ' + what)); } };"
            + "request.onblocked = function() {"
            + "  if (!settled) { settled = true; fail(what + ' is blocked by another tab of this app; close it and reload'); }"
            + "};")
    static native void openDatabase(String name, int version, String first, boolean firstAutoIncrement, String second,
                                    String what, Success ok, Failure fail);

    @JSBody(params = {"db", "ok", "fail"}, script = ERROR_TEXT
            + "try {"
            + "  var tx = db.transaction('updates', 'readonly');"
            + "  var store = tx.objectStore('updates');"
            + "  var values = store.getAll(), keys = store.getAllKeys();"
            + "  tx.oncomplete = function() {"
            + "    var out = [];"
            + "    for (var i = 0; i < values.result.length; i++) {"
            + "      var v = values.result[i];"
            + "      out.push(v instanceof ArrayBuffer ? new Int8Array(v.slice(0))"
            + "          : new Int8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength)));"
            + "    }"
            + "    ok({values: out, keys: keys.result});"
            + "  };"
            + "  tx.onabort = function() { fail(idbError(tx.error, 'reading stored data was aborted')); };"
            + "} catch (error) { setTimeout(function() { fail(idbError(error, 'cannot read stored data')); }, 0); }")
    private static native void readAll(Database db, Success ok, Failure fail);

    /** Stored as {@code Uint8Array}, as y-indexeddb stores updates. */
    @JSBody(params = {"db", "bytes", "ok", "fail"}, script = ERROR_TEXT
            + "try {"
            + "  var tx = db.transaction('updates', 'readwrite');"
            + "  var request = tx.objectStore('updates').add(new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));"
            + "  tx.oncomplete = function() { ok(request.result); };"
            + "  tx.onabort = function() { fail(idbError(tx.error, 'saving was aborted')); };"
            + "} catch (error) { setTimeout(function() { fail(idbError(error, 'cannot save')); }, 0); }")
    private static native void add(Database db, Int8Array bytes, Success ok, Failure fail);

    @JSBody(params = {"db", "bytes", "ranges", "ok", "fail"}, script = ERROR_TEXT
            + "try {"
            + "  var tx = db.transaction('updates', 'readwrite');"
            + "  var store = tx.objectStore('updates');"
            + "  var request = store.add(new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));"
            + "  for (var i = 0; i < ranges.length; i++) store.delete(IDBKeyRange.bound(ranges[i][0], ranges[i][1]));"
            + "  tx.oncomplete = function() { ok(request.result); };"
            + "  tx.onabort = function() { fail(idbError(tx.error, 'compacting was aborted')); };"
            + "} catch (error) { setTimeout(function() { fail(idbError(error, 'cannot compact')); }, 0); }")
    private static native void replaceAll(Database db, Int8Array bytes, JSArray<JSObject> ranges, Success ok,
                                          Failure fail);

    @JSBody(params = "db", script = "try { db.close(); } catch (error) {}")
    static native void closeDatabase(Database db);

    @JSBody(params = {"name", "ok", "fail"}, script = ERROR_TEXT
            + "var request;"
            + "try { request = indexedDB.deleteDatabase(name); } catch (error) { fail(idbError(error, 'cannot delete')); return; }"
            + "request.onsuccess = function() { ok(null); };"
            + "request.onerror = function() { fail(idbError(request.error, 'cannot delete')); };")
    private static native void deleteDatabase(String name, Success ok, Failure fail);
}
