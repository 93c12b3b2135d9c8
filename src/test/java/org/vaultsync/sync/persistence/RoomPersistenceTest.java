package org.vaultsync.sync.persistence;

import org.vaultsync.common.StorageCallback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.Doc;
import org.vaultsync.sync.VirtualScheduler;

/** A room's document on disk: loading first, appending, compaction, and storage failures that lose nothing. */
class RoomPersistenceTest {
    private static final String ROOM = "vault-sync/ABCDEF";
    private final VirtualScheduler clock = new VirtualScheduler();
    private final MemoryRoomStorage storage = new MemoryRoomStorage(clock);
    private final List<String> errors = new ArrayList<>();

    private final class Report implements RoomPersistence.Listener {
        int applied = -1;
        int skipped = -1;

        @Override
        public void onLoaded(int appliedCount, int skippedCount) {
            applied = appliedCount;
            skipped = skippedCount;
        }

        @Override
        public void onStorageError(String message) {
            errors.add(message);
        }
    }

    private RoomPersistence open(Doc doc, Report report) {
        return open(doc, report, null);
    }

    private RoomPersistence open(Doc doc, Report report, java.util.function.UnaryOperator<RoomStore> wrap) {
        RoomPersistence[] out = new RoomPersistence[1];
        storage.open(ROOM, new StorageCallback<>() {
            @Override
            public void done(RoomStore store) {
                out[0] = new RoomPersistence(doc, wrap == null ? store : wrap.apply(store), clock, report);
                out[0].load(() -> { });
            }

            @Override
            public void failed(String message) {
                throw new AssertionError(message);
            }
        });
        clock.advance(1);
        return out[0];
    }

    private static Doc doc() {
        return new Doc(new SecureRandomBytes());
    }

    private static void set(Doc doc, String key, Object value) {
        doc.transact(t -> doc.getMap("vault").set(key, value));
    }

    /** The updates of a room where {@code count} units were set, one transaction each, to {@code value} + index. */
    private static List<byte[]> updatesOfARoom(int count, String value) {
        Doc room = doc();
        List<byte[]> updates = new ArrayList<>();
        room.onUpdate((update, origin, transaction) -> updates.add(update));
        for (int i = 0; i < count; i++) {
            set(room, "unit-" + i, value + i);
        }
        return updates;
    }

    /** Applies {@code updates} to {@code doc} as sync messages do, one every 20 ms of the virtual clock. */
    private void arriveEvery20Millis(Doc doc, List<byte[]> updates) throws Exception {
        for (byte[] update : updates) {
            doc.applyUpdate(update);
            clock.advance(20);
        }
    }

    @Test
    void everyChangeIsStoredAndComesBackInANewDocument() {
        Doc first = doc();
        open(first, new Report());
        set(first, "unit", "Atlas");
        set(first, "pilot", "Kerensky");
        clock.advance(10);

        Doc reloaded = doc();
        Report report = new Report();
        open(reloaded, report);
        assertEquals("Atlas", reloaded.getMap("vault").get("unit"));
        assertEquals("Kerensky", reloaded.getMap("vault").get("pilot"));
        assertEquals(2, report.applied);
        assertEquals(List.of(), errors);
    }

    @Test
    void storedUpdatesAreAppliedInOneTransactionAsY_indexeddbDoes() {
        Doc first = doc();
        open(first, new Report());
        for (int i = 0; i < 50; i++) {
            set(first, "unit-" + i, "Atlas " + i);
        }
        first.transact(t -> first.getMap("vault").delete("unit-7"));
        clock.advance(10);
        assertEquals(51, storage.contents(ROOM).size());

        Doc reloaded = doc();
        List<byte[]> updates = new ArrayList<>();
        reloaded.onUpdate((update, origin, transaction) -> updates.add(update));
        Report report = new Report();
        open(reloaded, report);
        assertEquals(1, updates.size(), "one transaction for the 51 stored updates, not one each");
        assertEquals(51, report.applied);
        assertEquals(first.getMap("vault").toJSON(), reloaded.getMap("vault").toJSON());
        assertTrue(java.util.Arrays.equals(first.encodeStateVector(), reloaded.encodeStateVector()));
    }

    @Test
    void editsMadeBeforeTheStoreWasOpenAreStoredOnceItHasLoaded() {
        Doc first = doc();
        set(first, "unit", "Atlas"); // the document is handed out at join, before its store is open
        RoomPersistence persistence = open(first, new Report());
        clock.advance(RoomPersistence.COMPACT_DELAY_MILLIS * 3);
        assertTrue(persistence.isIdle());

        Doc reloaded = doc();
        open(reloaded, new Report());
        assertEquals("Atlas", reloaded.getMap("vault").get("unit"));
    }

    @Test
    void manySmallEditsAreCompactedIntoOneStateSoTheStoreStaysSmall() {
        Doc doc = doc();
        RoomPersistence persistence = open(doc, new Report());
        for (int i = 0; i < 1_000; i++) {
            set(doc, "counter", (double) i);
            clock.advance(5);
        }
        clock.advance(RoomPersistence.COMPACT_DELAY_MILLIS * 3);
        assertTrue(persistence.isIdle());
        List<byte[]> stored = storage.contents(ROOM);
        assertEquals(1, stored.size(), "one full state once quiet, not 1,000 updates (y-indexeddb keeps up to 500)");
        Doc reloaded = doc();
        open(reloaded, new Report());
        assertEquals(999.0, reloaded.getMap("vault").get("counter"));
    }

    @Test
    void aReloadTakesTheStoredStateAsTheStateAndASmallChangeAfterItDoesNotRewriteIt() {
        Doc doc = doc();
        RoomPersistence persistence = open(doc, new Report());
        String kilobyte = "x".repeat(1_000);
        for (int i = 0; i < 300; i++) {
            set(doc, "unit-" + i, kilobyte + i);
        }
        clock.advance(RoomPersistence.COMPACT_DELAY_MILLIS * 3);
        assertTrue(persistence.isIdle());
        assertEquals(1, storage.contents(ROOM).size(), "one full state");

        FlakyStore[] watched = new FlakyStore[1];
        Doc reloaded = doc();
        RoomPersistence again = open(reloaded, new Report(), store -> watched[0] = new FlakyStore(store, new int[1]));
        assertEquals(300, reloaded.getMap("vault").size());
        assertEquals(0, again.storedUpdateCount(), "the stored state is the state, not a change made since");
        set(reloaded, "unit-0", "changed");
        clock.advance(RoomPersistence.COMPACT_DELAY_MILLIS * 3);
        assertEquals(1, again.storedUpdateCount());
        assertEquals(0, watched[0].replaces, "one small change after a reload does not rewrite the 300 KB state");
        assertEquals(2, storage.contents(ROOM).size());
    }

    @Test
    void aRoomArrivingInManyUpdatesIsWrittenAsOneStateOnlyOnceTheyStop() throws Exception {
        List<byte[]> arriving = updatesOfARoom(200, "x".repeat(1_000));
        FlakyStore[] watched = new FlakyStore[1];
        Doc newcomer = doc();
        RoomPersistence persistence = open(newcomer, new Report(), store -> watched[0] = new FlakyStore(store, new int[1]));
        arriveEvery20Millis(newcomer, arriving); // an initial sync: 200 KB in 200 messages over 4 s
        assertEquals(0, watched[0].replaces, "no full state written while the room is still arriving");
        clock.advance(RoomPersistence.COMPACT_DELAY_MILLIS * 3);
        assertTrue(persistence.isIdle());
        assertEquals(1, watched[0].replaces, "written once, when it stopped");
        assertEquals(1, storage.contents(ROOM).size());
    }

    @Test
    void editsMadeBeforeTheStoreWasOpenAreNotPutOffByUpdatesThatKeepArriving() throws Exception {
        List<byte[]> arriving = updatesOfARoom(75, "Atlas ");
        Doc newcomer = doc();
        set(newcomer, "mine", "made before the store was open");
        FlakyStore[] watched = new FlakyStore[1];
        open(newcomer, new Report(), store -> watched[0] = new FlakyStore(store, new int[1]));
        arriveEvery20Millis(newcomer, arriving); // 1.5 s of arriving updates
        assertEquals(1, watched[0].replaces, "the edit made before the store opened is on disk within a second");
    }

    @Test
    void aRoomEditedWithoutPauseStillCompactsWithinTheMaximumWait() {
        FlakyStore[] watched = new FlakyStore[1];
        Doc doc = doc();
        open(doc, new Report(), store -> watched[0] = new FlakyStore(store, new int[1]));
        String kilobyte = "x".repeat(1_000);
        for (int i = 0; i < 300; i++) { // an edit every 100 ms for 30 s: never a quiet second
            set(doc, "unit-" + (i % 50), kilobyte + i);
            clock.advance(100);
        }
        assertTrue(watched[0].replaces >= 1, "compacted while the edits went on");
        assertTrue(storage.contents(ROOM).size() < 200, "stored: " + storage.contents(ROOM).size());
    }

    @Test
    void aDamagedStoredUpdateIsSkippedAndReportedAndTheRestLoads() {
        Doc first = doc();
        open(first, new Report());
        set(first, "unit", "Atlas");
        clock.advance(10);
        storage.open(ROOM, new StorageCallback<>() {
            @Override
            public void done(RoomStore store) {
                store.append(new byte[] {1, 1, 5, 0, 40, 1, 99}, new StorageCallback<>() {
                    @Override
                    public void done(Integer value) {
                    }

                    @Override
                    public void failed(String message) {
                        throw new AssertionError(message);
                    }
                });
            }

            @Override
            public void failed(String message) {
                throw new AssertionError(message);
            }
        });
        clock.advance(10);

        Doc reloaded = doc();
        Report report = new Report();
        open(reloaded, report);
        assertEquals("Atlas", reloaded.getMap("vault").get("unit"));
        assertEquals(1, report.skipped);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("damaged"), errors.get(0));
    }

    @Test
    void failedWritesAreReportedOnceAndMadeGoodByTheNextFullStateWrite() {
        int[] failuresLeft = {3};
        Doc doc = doc();
        RoomPersistence persistence = open(doc, new Report(), store -> new FlakyStore(store, failuresLeft));
        set(doc, "unit", "Atlas");
        set(doc, "pilot", "Kerensky");
        clock.advance(60_000);
        assertEquals(1, errors.size(), "reported once, not per write: " + errors);
        assertTrue(errors.get(0).contains("out of storage space"), errors.get(0));
        assertTrue(persistence.isIdle());

        Doc reloaded = doc();
        open(reloaded, new Report());
        assertEquals("Atlas", reloaded.getMap("vault").get("unit"));
        assertEquals("Kerensky", reloaded.getMap("vault").get("pilot"));
    }

    @Test
    void twoTabsCompactingTheSameRoomAtOnceLoseNothing() {
        Doc tabA = doc();
        Doc tabB = doc();
        open(tabA, new Report());
        open(tabB, new Report());
        // Each tab writes its own edits (they do not exchange them here): a compaction must keep the other's.
        for (int i = 0; i < 150; i++) {
            set(tabA, "a" + i, (double) i);
            set(tabB, "b" + i, (double) i);
        }
        clock.advance(10_000);

        Doc reloaded = doc();
        open(reloaded, new Report());
        assertEquals(300, reloaded.getMap("vault").size());
        assertTrue(storage.contents(ROOM).size() <= 4, "compacted: " + storage.contents(ROOM).size());
    }

    /** Fails the first writes as a full disk does; counts the full-state writes. */
    private static final class FlakyStore implements RoomStore {
        private final RoomStore inner;
        private final int[] failuresLeft;
        int replaces;

        FlakyStore(RoomStore inner, int[] failuresLeft) {
            this.inner = inner;
            this.failuresLeft = failuresLeft;
        }

        @Override
        public void load(StorageCallback<StoredUpdates> callback) {
            inner.load(callback);
        }

        @Override
        public void append(byte[] update, StorageCallback<Integer> callback) {
            if (failuresLeft[0]-- > 0) {
                callback.failed("this device is out of storage space");
            } else {
                inner.append(update, callback);
            }
        }

        @Override
        public void replace(byte[] state, List<Integer> replacedKeys, StorageCallback<Integer> callback) {
            replaces++;
            if (failuresLeft[0]-- > 0) {
                callback.failed("this device is out of storage space");
            } else {
                inner.replace(state, replacedKeys, callback);
            }
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
