package org.vaultsync.browser;

import java.util.LinkedHashMap;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;
import org.vaultsync.browser.IndexedDbRoomStorage.Database;
import org.vaultsync.browser.IndexedDbRoomStorage.Failure;
import org.vaultsync.browser.IndexedDbRoomStorage.Success;
import org.vaultsync.common.StorageCallback;
import org.vaultsync.vault.VaultStorage;

/**
 * The player's vault in its own IndexedDB database {@value #DATABASE} (version 1), object store {@value #STORE}:
 * key = item id, value = the item's record JSON text ({@link org.vaultsync.vault.ItemRecords}). It lives apart from
 * the rooms' databases, so it survives leaving, switching or forgetting a room.
 *
 * <p>Each operation is one transaction on {@value #STORE}; IndexedDB runs transactions whose scopes overlap in the
 * order they were created, so operations take effect in the order issued (a read issued after a write sees it).
 * Every failure (out of space, blocked by another tab, a database closed under us) ends in the operation's
 * {@code failed} callback with a readable message, never in an exception.
 */
public final class IndexedDbVaultStorage implements VaultStorage {
    public static final String DATABASE = "vault-sync-vault";
    public static final String STORE = "items";
    static final int VERSION = 1;

    @JSFunctor
    interface TextSuccess extends JSObject {
        void done(String text);
    }

    private final Database db;

    private IndexedDbVaultStorage(Database db) {
        this.db = db;
    }

    /** Opens (creating on first use) the vault database. */
    public static void open(StorageCallback<IndexedDbVaultStorage> callback) {
        open(DATABASE, callback);
    }

    /** Opens a vault database of another name (tests keep theirs apart). */
    public static void open(String databaseName, StorageCallback<IndexedDbVaultStorage> callback) {
        if (!IndexedDbRoomStorage.available()) {
            callback.failed("this browser has no IndexedDB");
            return;
        }
        openDatabase(databaseName, VERSION, db -> callback.done(new IndexedDbVaultStorage((Database) db)),
                IndexedDbRoomStorage.failureTo(callback));
    }

    @Override
    public void loadAll(StorageCallback<Map<String, String>> done) {
        readAll(db, result -> {
            JSArray<JSString> keys = keys(result);
            JSArray<JSString> values = values(result);
            Map<String, String> records = new LinkedHashMap<>();
            for (int i = 0; i < keys.getLength(); i++) {
                records.put(keys.get(i).stringValue(), values.get(i).stringValue());
            }
            done.done(records);
        }, IndexedDbRoomStorage.failureTo(done));
    }

    /**
     * The stored record of item {@code id}, or null when there is none (for another tab's change: the database,
     * not the message, says what the item is now).
     */
    public void get(String id, StorageCallback<String> done) {
        readOne(db, id, done::done, IndexedDbRoomStorage.failureTo(done));
    }

    @Override
    public void put(String id, String record, StorageCallback<Void> done) {
        write(db, id, record, false, IndexedDbRoomStorage.nullTo(done), IndexedDbRoomStorage.failureTo(done));
    }

    @Override
    public void delete(String id, StorageCallback<Void> done) {
        write(db, id, "", true, IndexedDbRoomStorage.nullTo(done), IndexedDbRoomStorage.failureTo(done));
    }

    /** Closes the database; later operations fail with a message. */
    public void close() {
        IndexedDbRoomStorage.closeDatabase(db);
    }

    @JSBody(params = "result", script = "return result.keys;")
    private static native JSArray<JSString> keys(JSObject result);

    @JSBody(params = "result", script = "return result.values;")
    private static native JSArray<JSString> values(JSObject result);

    private static void openDatabase(String name, int version, Success ok, Failure fail) {
        IndexedDbRoomStorage.openDatabase(name, version, "items", false, null, "the vault", ok, fail);
    }

    @JSBody(params = {"db", "ok", "fail"}, script = IndexedDbRoomStorage.ERROR_TEXT
            + "try {"
            + "  var txn = db.transaction('items', 'readonly');"
            + "  var store = txn.objectStore('items');"
            + "  var keys = store.getAllKeys(), values = store.getAll();"
            + "  txn.oncomplete = function() {"
            + "    var foundKeys = [], foundValues = [];"
            // Only string keys and string records are ours; anything else is skipped rather than crashing.
            + "    for (var index = 0; index < keys.result.length; index++) {"
            + "      if (typeof keys.result[index] === 'string' && typeof values.result[index] === 'string') {"
            + "        foundKeys.push(keys.result[index]); foundValues.push(values.result[index]);"
            + "      }"
            + "    }"
            + "    ok({keys: foundKeys, values: foundValues});"
            + "  };"
            + "  txn.onabort = function() { fail(idbError(txn.error, 'reading the vault was aborted')); };"
            + "} catch (error) { setTimeout(function() { fail(idbError(error, 'cannot read the vault')); }, 0); }")
    private static native void readAll(Database db, Success ok, Failure fail);

    @JSBody(params = {"db", "id", "ok", "fail"}, script = IndexedDbRoomStorage.ERROR_TEXT
            + "try {"
            + "  var txn = db.transaction('items', 'readonly');"
            + "  var request = txn.objectStore('items').get(id);"
            + "  txn.oncomplete = function() { ok(typeof request.result === 'string' ? request.result : null); };"
            + "  txn.onabort = function() { fail(idbError(txn.error, 'reading the vault was aborted')); };"
            + "} catch (error) { setTimeout(function() { fail(idbError(error, 'cannot read the vault')); }, 0); }")
    private static native void readOne(Database db, String id, TextSuccess ok, Failure fail);

    /** Puts {@code record} under {@code id}, or deletes {@code id}. */
    @JSBody(params = {"db", "id", "record", "remove", "ok", "fail"}, script = IndexedDbRoomStorage.ERROR_TEXT
            + "try {"
            + "  var txn = db.transaction('items', 'readwrite');"
            + "  var store = txn.objectStore('items');"
            + "  if (remove) store.delete(id); else store.put(record, id);"
            // oncomplete, not the request's onsuccess: only then is the write durable and visible to other tabs.
            + "  txn.oncomplete = function() { ok(null); };"
            + "  txn.onabort = function() { fail(idbError(txn.error, 'saving to the vault was aborted')); };"
            + "} catch (error) { setTimeout(function() { fail(idbError(error, 'cannot save to the vault')); }, 0); }")
    private static native void write(Database db, String id, String record, boolean remove, Success ok,
                                     Failure fail);
}
