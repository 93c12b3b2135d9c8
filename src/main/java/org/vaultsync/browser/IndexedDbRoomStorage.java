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

    /** Longest a prefetched room waits to be asked for after its read; then it is dropped, not served stale. */
    static final int PREFETCH_KEEP_MILLIS = 5_000;

    private Prefetch prefetch;

    /**
     * Starts opening {@code roomName}'s database and reading its records now, before anything asks for them: on a
     * reload the app knows its last room at once, but opens the room only once the vault is open and the sync
     * client exists, and the browser can read meanwhile. The room's next {@link #open} takes the open database and
     * its store's first load takes the records. Only one prefetch at a time; one nobody takes is dropped.
     */
    public void prefetch(String roomName) {
        if (!hasIndexedDb() || prefetch != null) {
            return;
        }
        Prefetch ahead = new Prefetch(roomName);
        prefetch = ahead;
        openDatabase(roomName, VERSION, db -> ahead.opened((Database) db), message -> ahead.opened(null));
    }

    @Override
    public void open(String roomName, StorageCallback<RoomStore> callback) {
        if (!hasIndexedDb()) {
            callback.failed("this browser has no IndexedDB");
            return;
        }
        Prefetch ahead = takePrefetch(roomName);
        if (ahead != null) {
            ahead.whenOpened(() -> {
                if (ahead.db != null) {
                    callback.done(new Store(ahead.db, ahead));
                } else {
                    openNow(roomName, callback); // the early open failed: try once more, reporting this one
                }
            });
            return;
        }
        openNow(roomName, callback);
    }

    private static void openNow(String roomName, StorageCallback<RoomStore> callback) {
        openDatabase(roomName, VERSION, db -> callback.done(new Store((Database) db, null)), failureTo(callback));
    }

    /** The prefetch of {@code roomName}, now the caller's; any other prefetch is dropped. */
    private Prefetch takePrefetch(String roomName) {
        Prefetch ahead = prefetch;
        prefetch = null;
        if (ahead != null && !ahead.roomName.equals(roomName)) {
            ahead.drop();
            return null;
        }
        return ahead;
    }

    @Override
    public void delete(String roomName, StorageCallback<Void> callback) {
        Prefetch ahead = takePrefetch(roomName);
        if (ahead != null) {
            ahead.drop(); // its open connection would only hold the delete up
        }
        if (!hasIndexedDb()) {
            callback.done(null);
            return;
        }
        deleteDatabase(roomName, nullTo(callback), failureTo(callback));
    }

    private static final class Store implements RoomStore {
        private final Database db;
        /** Appends waiting for their write ({@link #WRITE_DELAY_MILLIS}), written together in one transaction. */
        private final JSObject appends;
        private boolean closed;
        /** Records read before this store existed, for its first load; null once taken or when there are none. */
        private Prefetch ahead;

        Store(Database db, Prefetch ahead) {
            this.db = db;
            this.appends = newAppendBatch(db);
            this.ahead = ahead;
        }

        @Override
        public void load(StorageCallback<StoredUpdates> callback) {
            Prefetch read = ahead;
            ahead = null;
            if (read == null) {
                readNow(callback);
                return;
            }
            read.whenRead(() -> {
                if (read.records != null) {
                    deliver(read.records, callback);
                } else {
                    readNow(callback); // the early read failed
                }
            });
        }

        private void readNow(StorageCallback<StoredUpdates> callback) {
            readAll(db, result -> deliver(result, callback), failureTo(callback));
        }

        @Override
        public void append(byte[] update, StorageCallback<Integer> callback) {
            if (closed) {
                callback.failed("the room's storage is closed");
                return;
            }
            queueAdd(appends, Int8Array.fromJavaArray(update), keyTo(callback), failureTo(callback));
        }

        @Override
        public void replace(byte[] state, List<Integer> replacedKeys, StorageCallback<Integer> callback) {
            if (closed) {
                callback.failed("the room's storage is closed");
                return;
            }
            flushAdds(appends); // keys stay in the order the updates were made
            JSArray<JSObject> ranges = new JSArray<>();
            for (int[] range : contiguousRanges(replacedKeys)) {
                ranges.push(range(range[0], range[1]));
            }
            replaceAll(db, Int8Array.fromJavaArray(state), ranges, keyTo(callback), failureTo(callback));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                flushAdds(appends); // a closing database still completes transactions already created
                disposeAppendBatch(appends);
                closeDatabase(db);
            }
        }
    }

    private static void deliver(JSObject result, StorageCallback<StoredUpdates> callback) {
        JSArray<Int8Array> values = values(result);
        JSArray<JSObject> keys = keys(result);
        List<byte[]> updates = new ArrayList<>(values.getLength());
        List<Integer> keyList = new ArrayList<>(values.getLength());
        for (int i = 0; i < values.getLength(); i++) {
            updates.add(values.get(i).toJavaArray());
            keyList.add(asInt(keys.get(i)));
        }
        callback.done(new StoredUpdates(updates, keyList, stateKey(result)));
    }

    /**
     * One room's database being opened and read ahead ({@link #prefetch}). Its taker waits for each step with
     * {@link #whenOpened} and {@link #whenRead}; a failed step leaves {@code db} or {@code records} null and the
     * taker does that step itself. Dropped, it closes its database as soon as that is open and keeps no records.
     */
    private final class Prefetch {
        final String roomName;
        Database db;
        JSObject records;
        private boolean openSettled;
        private boolean readSettled;
        private boolean dropped;
        private Runnable afterOpen;
        private Runnable afterRead;

        Prefetch(String roomName) {
            this.roomName = roomName;
        }

        void opened(Database opened) {
            openSettled = true;
            if (dropped) {
                if (opened != null) {
                    closeDatabase(opened);
                }
                return;
            }
            db = opened;
            if (opened != null) {
                readAll(opened, this::read, message -> read(null));
            } else {
                read(null);
            }
            run(afterOpen);
        }

        private void read(JSObject result) {
            readSettled = true;
            records = dropped ? null : result;
            run(afterRead);
            new BrowserScheduler().schedule(PREFETCH_KEEP_MILLIS, () -> {
                if (prefetch == this) { // nobody asked for this room in time: a later open reads afresh
                    prefetch = null;
                    drop();
                }
            });
        }

        void whenOpened(Runnable action) {
            if (openSettled) {
                action.run();
            } else {
                afterOpen = action;
            }
        }

        void whenRead(Runnable action) {
            if (readSettled) {
                action.run();
            } else {
                afterRead = action;
            }
        }

        void drop() {
            dropped = true;
            records = null;
            if (db != null) {
                closeDatabase(db);
                db = null;
            }
        }

        private void run(Runnable action) {
            if (action != null) {
                action.run();
            }
        }
    }

    // The callbacks the IndexedDB storages hand to their scripts. Every lambda passed to a script is a class of its
    // own in the compiled client (a JS functor with its wrapper and its name kept), so the three storages share these
    // instead of writing the same lambda at each call.

    /** Hands a script's failure message to {@code callback}. */
    static Failure failureTo(StorageCallback<?> callback) {
        return callback::failed;
    }

    /** Tells {@code callback} a script succeeded (its result, if any, is not needed). */
    static Success nullTo(StorageCallback<Void> callback) {
        return ignored -> callback.done(null);
    }

    private static Success keyTo(StorageCallback<Integer> callback) {
        return key -> callback.done(asInt(key));
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

    @JSBody(params = "result", script = "return result.state;")
    private static native int stateKey(JSObject result);

    /**
     * Where the {@code custom} store records the key of the last full state this app wrote. y-indexeddb keeps its
     * users' own values in that store and ignores this one; once y-indexeddb compacts, the key is simply gone.
     */
    static final String STATE_KEY = "'vaultsync:state-key'";

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
            + "  var opened = request.result;"
            + "  if (!opened.objectStoreNames.contains(first)) opened.createObjectStore(first, firstAutoIncrement ? {autoIncrement: true} : undefined);"
            + "  if (second !== null && !opened.objectStoreNames.contains(second)) opened.createObjectStore(second);"
            + "};"
            + "var settled = false;"
            + "request.onsuccess = function() {"
            + "  var opened = request.result;"
            + "  if (settled) { opened.close(); return; }"
            + "  settled = true;"
            + "  opened.onversionchange = function() { opened.close(); };"
            + "  ok(opened);"
            + "};"
            + "request.onerror = function() { if (!settled) { settled = true; fail(idbError(request.error, 'cannot open ' + what)); } };"
            + "request.onblocked = function() {"
            + "  if (!settled) { settled = true; fail(what + ' is blocked by another tab of this app; close it and reload'); }"
            + "};")
    static native void openDatabase(String name, int version, String first, boolean firstAutoIncrement, String second,
                                    String what, Success ok, Failure fail);

    @JSBody(params = {"db", "ok", "fail"}, script = ERROR_TEXT
            + "try {"
            + "  var withCustom = db.objectStoreNames.contains('custom');"
            + "  var txn = db.transaction(withCustom ? ['updates', 'custom'] : 'updates', 'readonly');"
            + "  var store = txn.objectStore('updates');"
            + "  var values = store.getAll(), keys = store.getAllKeys();"
            + "  var state = withCustom ? txn.objectStore('custom').get(" + STATE_KEY + ") : null;"
            + "  txn.oncomplete = function() {"
            + "    var out = [];"
            // each value read is a fresh copy nobody else holds: a view on it, not another copy (a room's full
            // state is megabytes, and copying it was a visible share of loading a room)
            + "    for (var index = 0; index < values.result.length; index++) {"
            + "      var value = values.result[index];"
            + "      out.push(value instanceof ArrayBuffer ? new Int8Array(value)"
            + "          : new Int8Array(value.buffer, value.byteOffset, value.byteLength));"
            + "    }"
            + "    ok({values: out, keys: keys.result, state: state && typeof state.result === 'number' ? state.result : 0});"
            + "  };"
            + "  txn.onabort = function() { fail(idbError(txn.error, 'reading stored data was aborted')); };"
            + "} catch (error) { setTimeout(function() { fail(idbError(error, 'cannot read stored data')); }, 0); }")
    private static native void readAll(Database db, Success ok, Failure fail);

    /**
     * How long an update waits before it is written. A local edit's messages leave first: written at once (in a
     * microtask, until 2026-11-30), the transaction's work in this page and in the browser's storage process ran
     * while the message was on its way, and on two cores the edit reached the other page later (2-peer latency p50
     * 3.0 against 2.6 ms, p95 6.6 against 4.9, {@code bin/bench-browser-sync --only latency --runs 4 --mesh 2}).
     * Updates of a burst (an import, fast typing) share one transaction. Leaving or hiding the page writes at
     * once, so what waits is lost only if the browser itself dies within these milliseconds; the peers hold it.
     */
    static final int WRITE_DELAY_MILLIS = 20;

    @JSBody(params = "db", script = ""
            + "var batch = {database: db, pending: null, timer: 0, flush: " + FLUSH_TEXT + "};"
            + "batch.onHide = function(event) {"
            + "  if (event.type === 'pagehide' || document.visibilityState === 'hidden') batch.flush(batch);"
            + "};"
            + "addEventListener('pagehide', batch.onHide);"
            + "document.addEventListener('visibilitychange', batch.onHide);"
            + "return batch;")
    private static native JSObject newAppendBatch(Database db);

    @JSBody(params = "batch", script = ""
            + "removeEventListener('pagehide', batch.onHide);"
            + "document.removeEventListener('visibilitychange', batch.onHide);")
    private static native void disposeAppendBatch(JSObject batch);

    /**
     * Queues one update (stored as {@code Uint8Array}, as y-indexeddb stores updates) for a transaction that takes
     * every update queued within {@link #WRITE_DELAY_MILLIS} of the first, or sooner if the page is left or hidden
     * (or a compaction or a close flushes it). Every update's callback gets its own key, or the transaction's error.
     */
    @JSBody(params = {"batch", "bytes", "ok", "fail"}, script = ""
            + "if (batch.pending === null) {"
            + "  batch.pending = [];"
            + "  batch.timer = setTimeout(function() { batch.flush(batch); }, " + WRITE_DELAY_MILLIS + ");"
            + "}"
            + "batch.pending.push({value: new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),"
            + "  done: ok, failed: fail});")
    private static native void queueAdd(JSObject batch, Int8Array bytes, Success ok, Failure fail);

    /** Writes the queued updates now (before a compaction or a close), in one transaction. */
    @JSBody(params = "batch", script = "batch.flush(batch);")
    private static native void flushAdds(JSObject batch);

    /** The batch's {@code flush(batch)}: one transaction for every queued update (none queued: nothing). */
    static final String FLUSH_TEXT = "(function(batch) {"
            + ERROR_TEXT
            + "  clearTimeout(batch.timer);"
            + "  var items = batch.pending;"
            + "  batch.pending = null;"
            + "  if (items === null || items.length === 0) return;"
            + "  var failAll = function(message) { for (var index = 0; index < items.length; index++) items[index].failed(message); };"
            + "  try {"
            + "    var txn = batch.database.transaction('updates', 'readwrite');"
            + "    var store = txn.objectStore('updates');"
            + "    var requests = [];"
            + "    for (var index = 0; index < items.length; index++) requests.push(store.add(items[index].value));"
            // nothing more goes in: committing now gets it to disk without waiting for the requests' callbacks,
            // which matters when the page is being left
            + "    if (typeof txn.commit === 'function') txn.commit();"
            + "    txn.oncomplete = function() {"
            + "      for (var index = 0; index < items.length; index++) items[index].done(requests[index].result);"
            + "    };"
            + "    txn.onabort = function() { failAll(idbError(txn.error, 'saving was aborted')); };"
            + "  } catch (error) { var message = idbError(error, 'cannot save'); setTimeout(function() { failAll(message); }, 0); }"
            + "})";

    @JSBody(params = {"db", "bytes", "ranges", "ok", "fail"}, script = ERROR_TEXT
            + "try {"
            + "  var withCustom = db.objectStoreNames.contains('custom');"
            + "  var txn = db.transaction(withCustom ? ['updates', 'custom'] : 'updates', 'readwrite');"
            + "  var store = txn.objectStore('updates');"
            // a view of the whole buffer is stored as it is (storing copies it); a part of a larger buffer is cut
            // out first, so the record holds the state and nothing else
            + "  var whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;"
            + "  var request = store.add(whole ? new Uint8Array(bytes.buffer)"
            + "      : new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));"
            + "  if (withCustom) request.onsuccess = function() { txn.objectStore('custom').put(request.result, " + STATE_KEY + "); };"
            + "  for (var index = 0; index < ranges.length; index++) store.delete(IDBKeyRange.bound(ranges[index][0], ranges[index][1]));"
            + "  txn.oncomplete = function() { ok(request.result); };"
            + "  txn.onabort = function() { fail(idbError(txn.error, 'compacting was aborted')); };"
            + "} catch (error) { setTimeout(function() { fail(idbError(error, 'cannot compact')); }, 0); }")
    private static native void replaceAll(Database db, Int8Array bytes, JSArray<JSObject> ranges, Success ok,
                                          Failure fail);

    @JSBody(params = "db", script = "try { db.close(); } catch (ignored) {}")
    static native void closeDatabase(Database db);

    @JSBody(params = {"name", "ok", "fail"}, script = ERROR_TEXT
            + "var request;"
            + "try { request = indexedDB.deleteDatabase(name); } catch (error) { fail(idbError(error, 'cannot delete')); return; }"
            + "request.onsuccess = function() { ok(null); };"
            + "request.onerror = function() { fail(idbError(request.error, 'cannot delete')); };")
    private static native void deleteDatabase(String name, Success ok, Failure fail);
}
