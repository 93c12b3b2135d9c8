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
        withDatabase(key.roomName(), callback, db -> put(db, ENTRY, webKey.cryptoKey(),
                ignored -> finish(db, () -> callback.done(null)), message -> finish(db, () -> callback.failed(message))));
    }

    @Override
    public void load(String roomName, StorageCallback<RoomKey> callback) {
        withDatabase(roomName, callback, db -> get(db, ENTRY, value -> finish(db, () -> {
            if (value == null) {
                callback.done(null);
                return;
            }
            try {
                callback.done(WebCryptoRoomKey.restore(roomName, (CryptoKey) value));
            } catch (IllegalArgumentException e) {
                callback.done(null); // not a usable key: the password will be asked for again
            }
        }), message -> finish(db, () -> callback.failed(message))));
    }

    @Override
    public void delete(String roomName, StorageCallback<Void> callback) {
        withDatabase(roomName, callback, db -> remove(db, ENTRY,
                ignored -> finish(db, () -> callback.done(null)), message -> finish(db, () -> callback.failed(message))));
    }

    private interface DatabaseUse {
        void use(IndexedDbRoomStorage.Database db);
    }

    private static void withDatabase(String roomName, StorageCallback<?> callback, DatabaseUse use) {
        if (!IndexedDbRoomStorage.available()) {
            callback.failed("this browser has no IndexedDB");
            return;
        }
        IndexedDbRoomStorage.openDatabase(roomName, IndexedDbRoomStorage.VERSION,
                db -> use.use((IndexedDbRoomStorage.Database) db), callback::failed);
    }

    private static void finish(IndexedDbRoomStorage.Database db, Runnable then) {
        IndexedDbRoomStorage.closeDatabase(db);
        then.run();
    }

    @JSBody(params = {"db", "name", "value", "ok", "fail"}, script = IndexedDbRoomStorage.ERROR_TEXT
            + "try {"
            + "  var tx = db.transaction('custom', 'readwrite');"
            + "  tx.objectStore('custom').put(value, name);"
            + "  tx.oncomplete = function() { ok(null); };"
            + "  tx.onabort = function() { fail(idbError(tx.error, 'saving the room key was aborted')); };"
            + "} catch (error) { setTimeout(function() { fail(idbError(error, 'cannot save the room key')); }, 0); }")
    private static native void put(IndexedDbRoomStorage.Database db, String name, JSObject value,
                                   IndexedDbRoomStorage.Success ok, IndexedDbRoomStorage.Failure fail);

    @JSBody(params = {"db", "name", "ok", "fail"}, script = IndexedDbRoomStorage.ERROR_TEXT
            + "try {"
            + "  var tx = db.transaction('custom', 'readonly');"
            + "  var request = tx.objectStore('custom').get(name);"
            + "  tx.oncomplete = function() { ok(request.result === undefined ? null : request.result); };"
            + "  tx.onabort = function() { fail(idbError(tx.error, 'reading the room key was aborted')); };"
            + "} catch (error) { setTimeout(function() { fail(idbError(error, 'cannot read the room key')); }, 0); }")
    private static native void get(IndexedDbRoomStorage.Database db, String name, IndexedDbRoomStorage.Success ok,
                                   IndexedDbRoomStorage.Failure fail);

    @JSBody(params = {"db", "name", "ok", "fail"}, script = IndexedDbRoomStorage.ERROR_TEXT
            + "try {"
            + "  var tx = db.transaction('custom', 'readwrite');"
            + "  tx.objectStore('custom').delete(name);"
            + "  tx.oncomplete = function() { ok(null); };"
            + "  tx.onabort = function() { fail(idbError(tx.error, 'removing the room key was aborted')); };"
            + "} catch (error) { setTimeout(function() { fail(idbError(error, 'cannot remove the room key')); }, 0); }")
    private static native void remove(IndexedDbRoomStorage.Database db, String name, IndexedDbRoomStorage.Success ok,
                                      IndexedDbRoomStorage.Failure fail);
}
