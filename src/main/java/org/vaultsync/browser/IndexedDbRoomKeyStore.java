package org.vaultsync.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.vaultsync.crypto.RoomKey;
import org.vaultsync.sync.persistence.RoomKeyStore;
import org.vaultsync.common.StorageCallback;

/**
 * Password-room keys in the room's own IndexedDB database (its {@code custom} store, key {@code room-key}), as the
 * non-extractable {@code CryptoKey} itself: IndexedDB clones it without ever exposing its bytes, the password is
 * never stored, and deleting the room's database forgets the key with the room.
 */
public final class IndexedDbRoomKeyStore implements RoomKeyStore {
    static final String ENTRY = "room-key";

    @Override
    public void save(RoomKey key, StorageCallback<Void> callback) {
        if (!(key instanceof WebCryptoRoomKey webKey)) {
            callback.failed("not a browser key");
            return;
        }
        request(key.roomName(), "put", webKey.cryptoKey(), "saving", "save", callback, stored -> callback.done(null));
    }

    @Override
    public void load(String roomName, StorageCallback<RoomKey> callback) {
        request(roomName, "get", null, "reading", "read", callback, value -> {
            if (value == null) {
                callback.done(null);
                return;
            }
            try {
                callback.done(WebCryptoRoomKey.restore(roomName, (CryptoKey) value));
            } catch (IllegalArgumentException e) {
                callback.done(null); // not a usable key: the password will be asked for again
            }
        });
    }

    @Override
    public void delete(String roomName, StorageCallback<Void> callback) {
        request(roomName, "delete", null, "removing", "remove", callback, removed -> callback.done(null));
    }

    private interface Outcome {
        void of(JSObject value);
    }

    /**
     * Opens the room's database, runs one {@code operation} ({@code put}, {@code get} or {@code delete}) on the
     * room key in its own transaction, closes the database, then hands over what a get found (null otherwise) or the
     * failure. One path for the three operations, so the client carries one set of callbacks, not three.
     */
    private static void request(String roomName, String operation, JSObject value, String doing, String verb,
                                StorageCallback<?> callback, Outcome outcome) {
        if (!IndexedDbRoomStorage.available()) {
            callback.failed("this browser has no IndexedDB");
            return;
        }
        IndexedDbRoomStorage.openDatabase(roomName, IndexedDbRoomStorage.VERSION, opened -> {
            IndexedDbRoomStorage.Database db = (IndexedDbRoomStorage.Database) opened;
            run(db, operation, ENTRY, value, doing, verb, result -> {
                IndexedDbRoomStorage.closeDatabase(db);
                outcome.of(result);
            }, message -> {
                IndexedDbRoomStorage.closeDatabase(db);
                callback.failed(message);
            });
        }, IndexedDbRoomStorage.failureTo(callback));
    }

    @JSBody(params = {"db", "operation", "name", "value", "doing", "verb", "ok", "fail"},
            script = IndexedDbRoomStorage.ERROR_TEXT
            + "try {"
            + "  var txn = db.transaction('custom', operation === 'get' ? 'readonly' : 'readwrite');"
            + "  var store = txn.objectStore('custom');"
            + "  var request = operation === 'put' ? store.put(value, name) : store[operation](name);"
            + "  txn.oncomplete = function() {"
            + "    ok(operation === 'get' && request.result !== undefined ? request.result : null);"
            + "  };"
            + "  txn.onabort = function() { fail(idbError(txn.error, doing + ' the room key was aborted')); };"
            + "} catch (error) {"
            + "  setTimeout(function() { fail(idbError(error, 'cannot ' + verb + ' the room key')); }, 0);"
            + "}")
    private static native void run(IndexedDbRoomStorage.Database db, String operation, String name, JSObject value,
                                   String doing, String verb, IndexedDbRoomStorage.Success ok,
                                   IndexedDbRoomStorage.Failure fail);
}
