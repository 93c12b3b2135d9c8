package org.vaultsync.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.crdt.types.DeltaOp;
import org.vaultsync.crdt.types.KeyChange;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YEvent;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.crdt.update.InvalidUpdateException;

/** The document API: maps, arrays, nesting, transactions, observers and update events. */
class DocBehaviourTest {
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();

    private static Doc doc(int clientId) {
        Doc doc = new Doc(RANDOM);
        doc.setClientId(clientId);
        return doc;
    }

    /** A new document that has applied the whole state of {@code source} (its roots not asked for yet). */
    private static Doc loadedFrom(Doc source, int clientId) throws InvalidUpdateException {
        Doc doc = doc(clientId);
        doc.applyUpdate(source.encodeStateAsUpdate());
        return doc;
    }

    @Test
    void mapStoresJsonValuesBytesUndefinedAndNestedTypes() {
        Doc doc = doc(1);
        YMap map = doc.getMap("m");
        map.set("n", 42);
        map.set("s", "text");
        map.set("null", null);
        map.set("u", Undefined.VALUE);
        map.set("bytes", new byte[] {1, 2});
        YMap child = new YMap();
        child.set("deep", true);
        map.set("child", child);
        assertEquals(42.0, map.get("n"));
        assertNull(map.get("null"));
        assertTrue(map.has("null"));
        assertFalse(map.has("missing"));
        assertEquals(Undefined.VALUE, map.get("u"));
        assertSame(child, map.get("child"));
        assertEquals(true, child.get("deep"));
        assertEquals(List.of("n", "s", "null", "u", "bytes", "child"), map.keys());
        assertEquals(6, map.size());
        map.delete("s");
        assertFalse(map.has("s"));
        IllegalArgumentException numberKey = assertThrows(IllegalArgumentException.class,
                () -> map.set("bad", java.util.Map.of(1, "x")));
        assertEquals("Object keys must be strings, got a number", numberKey.getMessage());
        assertFalse(map.has("bad"), "a refused value changes nothing");
        assertEquals("{\"bytes\":{\"$bytes\":\"0102\"},\"child\":{\"deep\":true},\"n\":42,\"null\":null,\"u\":{\"$undefined\":true}}",
                Canonical.json(map.toJSON()));
    }

    private static void assertSame(Object expected, Object actual) {
        assertTrue(expected == actual, "same instance");
    }

    @Test
    void arrayInsertPushUnshiftDeleteAndGet() {
        Doc doc = doc(1);
        YArray array = doc.getArray("a");
        array.push("b", "c");
        array.unshift(List.of("a"));
        array.insert(2, 1, 2);
        assertEquals(List.of("a", "b", 1.0, 2.0, "c"), array.toArray());
        array.delete(1, 3);
        assertEquals(List.of("a", "c"), array.toJSON());
        assertEquals("c", array.get(1));
        assertEquals(2, array.length());
        assertThrows(IndexOutOfBoundsException.class, () -> array.insert(3, "x"));
        assertThrows(IndexOutOfBoundsException.class, () -> array.delete(1, 2));
        IllegalArgumentException undefined =
                assertThrows(IllegalArgumentException.class, () -> array.push(Undefined.VALUE));
        assertEquals("Arrays cannot hold undefined", undefined.getMessage());
        assertEquals(List.of("a", "c"), array.toArray(), "a refused edit changes nothing");
    }

    @Test
    void valuesAreStoredTheWayJavaScriptSeesThem() throws InvalidUpdateException {
        Doc doc = doc(1);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", 1);
        object.put("10", 2);
        object.put("a", 3L);
        object.put("2", 4.5f);
        doc.getMap("m").set("o", object);
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) doc.getMap("m").get("o");
        assertEquals(List.of("2", "10", "b", "a"), new ArrayList<>(stored.keySet()));
        assertEquals(1.0, stored.get("b"));
        Doc other = doc(2);
        other.applyUpdate(doc.encodeStateAsUpdate());
        assertEquals(stored, other.getMap("m").get("o"));
        object.put("b", 99);
        assertEquals(1.0, stored.get("b"), "the caller's map is copied, not shared");
    }

    @Test
    void aSharedTypeCanBeInsertedOnlyOnce() {
        Doc doc = doc(1);
        YArray child = new YArray();
        doc.getMap("m").set("a", child);
        assertThrows(IllegalArgumentException.class, () -> doc.getMap("m").set("b", child));
        assertThrows(IllegalStateException.class, () -> doc.getArray("m"));
    }

    @Test
    void mapObserversSeeAddsUpdatesAndDeletesWithOldValues() {
        Doc doc = doc(1);
        YMap map = doc.getMap("m");
        map.set("keep", 1);
        map.set("gone", 2);
        List<Map<String, KeyChange>> changes = new ArrayList<>();
        List<Object> origins = new ArrayList<>();
        map.observe(e -> {
            changes.add(e.keys());
            origins.add(e.transaction().origin());
        });
        doc.transact(t -> {
            map.set("keep", 10);
            map.delete("gone");
            map.set("new", 3);
            map.set("brief", 4);
            map.delete("brief");
        }, "me");
        assertEquals(1, changes.size());
        assertEquals(new KeyChange(KeyChange.Action.UPDATE, 1.0), changes.get(0).get("keep"));
        assertEquals(new KeyChange(KeyChange.Action.DELETE, 2.0), changes.get(0).get("gone"));
        assertEquals(new KeyChange(KeyChange.Action.ADD, null), changes.get(0).get("new"));
        assertFalse(changes.get(0).containsKey("brief"), "added and removed in one transaction: no change");
        assertEquals(List.of("me"), origins);
    }

    @Test
    void arrayObserversGetADelta() {
        Doc doc = doc(1);
        YArray array = doc.getArray("a");
        array.push(1, 2, 3, 4);
        List<List<DeltaOp>> deltas = new ArrayList<>();
        array.observe(e -> deltas.add(e.delta()));
        doc.transact(t -> {
            array.delete(1, 2);
            array.insert(1, "x");
        });
        assertEquals(List.of(DeltaOp.retain(1), DeltaOp.insert(List.of("x")), DeltaOp.delete(2)), deltas.get(0));
    }

    @Test
    void deepObserversSeeNestedChangesWithPaths() throws InvalidUpdateException {
        Doc doc = doc(1);
        YArray list = new YArray();
        YMap entry = new YMap();
        list.push(entry);
        doc.getMap("m").set("list", list);
        List<List<Object>> paths = new ArrayList<>();
        Doc remote = doc(2);
        remote.applyUpdate(doc.encodeStateAsUpdate());
        remote.getMap("m").observeDeep(events -> {
            for (YEvent event : events) {
                paths.add(event.path());
            }
        });
        ((YMap) ((YArray) doc.getMap("m").get("list")).get(0)).set("name", "Atlas");
        remote.applyUpdate(doc.encodeStateAsUpdate(remote.encodeStateVector()));
        assertEquals(List.of(List.of("list", 0)), paths);
    }

    @Test
    void aTransactionEmitsOneUpdateThatReproducesItsChanges() throws InvalidUpdateException {
        Doc doc = doc(1);
        Doc replica = doc(2);
        List<byte[]> updates = new ArrayList<>();
        List<Object> origins = new ArrayList<>();
        doc.onUpdate((update, origin, transaction) -> {
            updates.add(update);
            origins.add(origin);
            assertTrue(transaction.isLocal());
        });
        doc.transact(t -> {
            doc.getMap("m").set("a", 1);
            doc.transact(inner -> doc.getArray("a").push("joined"));
        }, "batch");
        assertEquals(1, updates.size());
        assertEquals(List.of("batch"), origins);
        replica.applyUpdate(updates.get(0));
        assertArrayEquals(doc.encodeStateAsUpdate(), replica.encodeStateAsUpdate());
    }

    @Test
    void aListenerThatDeclinesAnOriginIsSkippedAndTheOthersStillGetTheUpdate() throws InvalidUpdateException {
        Doc doc = doc(1);
        List<String> heard = new ArrayList<>();
        doc.onUpdate(new UpdateListener() {
            public void onUpdate(byte[] update, Object origin, Transaction transaction) {
                heard.add("store " + origin);
            }

            public boolean wantsUpdate(Object origin) {
                return !"store".equals(origin); // its own load
            }
        });
        doc.transact(t -> doc.getMap("m").set("a", 1), "store");
        assertEquals(List.of(), heard, "nobody wanted it");
        List<byte[]> updates = new ArrayList<>();
        doc.onUpdate((update, origin, transaction) -> updates.add(update));
        doc.transact(t -> doc.getMap("m").set("b", 2), "store");
        doc.transact(t -> doc.getMap("m").set("c", 3), "peer");
        assertEquals(List.of("store peer"), heard);
        assertEquals(2, updates.size(), "a listener that wants every update gets both");
        Doc replica = doc(2);
        replica.applyUpdate(doc.encodeStateAsUpdate());
        assertEquals(3, replica.getMap("m").size(), "the declined update is in the state all the same");
        assertEquals(doc.getMap("m").toJSON(), replica.getMap("m").toJSON());
    }

    @Test
    void changesMadeByAnObserverFollowInTheirOwnTransaction() {
        Doc doc = doc(1);
        YMap map = doc.getMap("m");
        List<byte[]> updates = new ArrayList<>();
        doc.onUpdate((u, o, t) -> updates.add(u));
        map.observe(e -> {
            if (!map.has("echo")) {
                map.set("echo", true);
            }
        });
        map.set("k", 1);
        assertEquals(2, updates.size());
        assertEquals(true, map.get("echo"));
    }

    @Test
    void aRemoteChangeUnderOurClientIdMakesUsPickANewOne() throws InvalidUpdateException {
        Doc a = doc(77);
        Doc b = doc(77);
        b.getMap("m").set("k", "from b");
        a.applyUpdate(b.encodeStateAsUpdate());
        assertNotEquals(77, a.clientId());
        a.getMap("m").set("k", "from a");
        b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()));
        assertEquals("from a", b.getMap("m").get("k"));
    }

    @Test
    void rootsNamedByAnUpdateBecomeTypedWhenAskedFor() throws InvalidUpdateException {
        Doc source = doc(1);
        source.getArray("list").push(1, 2);
        Doc doc = doc(2);
        doc.applyUpdate(source.encodeStateAsUpdate());
        assertEquals(List.of("list"), doc.rootNames());
        YArray list = doc.getArray("list");
        assertEquals(List.of(1.0, 2.0), list.toArray());
        list.push(3);
        source.applyUpdate(doc.encodeStateAsUpdate(source.encodeStateVector()));
        assertEquals(List.of(1.0, 2.0, 3.0), source.getArray("list").toArray());
    }

    @Test
    void aMapRootNamedByAnUpdateKeepsItsKeysAndTheirHistoryWhenAskedFor() throws InvalidUpdateException {
        Doc source = doc(1);
        YMap sourceMap = source.getMap("vault");
        sourceMap.set("a", 1);
        sourceMap.set("a", 2); // a chain of two items under one key
        sourceMap.set("b", "x");
        sourceMap.delete("b");
        Doc doc = doc(2);
        doc.applyUpdate(source.encodeStateAsUpdate());
        YMap map = doc.getMap("vault");
        assertEquals(Map.of("a", 2.0), map.toJSON());
        map.set("a", 3); // integrates after the chain the placeholder held
        map.set("b", "y");
        map.set("c", true);
        assertEquals(map.toJSON(), doc.getMap("vault").toJSON());
        source.applyUpdate(doc.encodeStateAsUpdate(source.encodeStateVector()));
        assertEquals(Map.of("a", 3.0, "b", "y", "c", true), sourceMap.toJSON());
    }

    @Test
    void aRootAnUpdateFilledWithMapEntriesCanStillBeAskedForAsAnotherKindOnce() throws InvalidUpdateException {
        Doc source = doc(1);
        source.getMap("r").set("k", 1);
        Doc doc = loadedFrom(source, 2);
        YArray asked = doc.getArray("r"); // as in Yjs: the first kind asked for wins, whatever the update held
        assertEquals(List.of(), asked.toArray());
        assertThrows(IllegalStateException.class, () -> doc.getMap("r"));
        assertEquals(List.of("r"), doc.rootNames());
        asked.push("x"); // the root now holds a map entry and a list element; each reader sees its part
        assertEquals(List.of("x"), loadedFrom(doc, 3).getArray("r").toArray());
        assertEquals(Map.of("k", 1.0), loadedFrom(doc, 4).getMap("r").toJSON());
    }

    @Test
    void aMapRootAnUpdateFilledIsClaimedByTheFirstGetMap() throws InvalidUpdateException {
        Doc source = doc(1);
        source.getMap("vault").set("a", 1);
        Doc doc = loadedFrom(source, 2);
        YMap map = doc.getMap("vault");
        assertEquals(Map.of("a", 1.0), map.toJSON());
        assertTrue(map == doc.getMap("vault"));
        assertThrows(IllegalStateException.class, () -> doc.getArray("vault"));
        source.getMap("vault").set("b", 2); // arrives after the claim, into the same map
        doc.applyUpdate(source.encodeStateAsUpdate(doc.encodeStateVector()));
        assertEquals(Map.of("a", 1.0, "b", 2.0), map.toJSON());
    }

    @Test
    void clientIdsAreRandomUnsigned32BitValues() {
        boolean sawHigh = false;
        for (int i = 0; i < 64; i++) {
            sawHigh |= new Doc(RANDOM).clientId() < 0; // i.e. >= 2^31 as an unsigned value
        }
        assertTrue(sawHigh);
    }

    @Test
    void remoteChangesReachObserversWithTheirOriginAndOldValues() throws InvalidUpdateException {
        Doc a = doc(10);
        Doc b = doc(5);
        b.getMap("m").set("k", "mine");
        b.getArray("a").push("x", "y");
        a.applyUpdate(b.encodeStateAsUpdate());
        a.getMap("m").set("k", "theirs"); // concurrent with nothing: a saw b's value, so it overwrites it
        a.getMap("m").set("new", 1);
        a.getArray("a").delete(0, 1);
        a.getArray("a").push("z");
        List<Map<String, KeyChange>> keys = new ArrayList<>();
        List<List<DeltaOp>> deltas = new ArrayList<>();
        List<Object> origins = new ArrayList<>();
        b.getMap("m").observe(e -> {
            keys.add(e.keys());
            origins.add(e.transaction().origin());
            assertFalse(e.transaction().isLocal());
        });
        b.getArray("a").observe(e -> deltas.add(e.delta()));
        b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()), "peer-a");
        assertEquals(List.of("peer-a"), origins);
        assertEquals(new KeyChange(KeyChange.Action.UPDATE, "mine"), keys.get(0).get("k"));
        assertEquals(new KeyChange(KeyChange.Action.ADD, null), keys.get(0).get("new"));
        assertEquals(List.of(DeltaOp.delete(1), DeltaOp.retain(1), DeltaOp.insert(List.of("z"))), deltas.get(0));
        assertEquals(List.of("y", "z"), b.getArray("a").toArray());
    }

    @Test
    void concurrentSetsOfOneKeyResolveToTheHigherClientEverywhere() throws InvalidUpdateException {
        Doc low = doc(7);
        Doc high = doc((int) 3000000000L); // above 2^31: compared unsigned
        low.getMap("m").set("k", "low");
        high.getMap("m").set("k", "high");
        byte[] fromLow = low.encodeStateAsUpdate();
        low.applyUpdate(high.encodeStateAsUpdate());
        high.applyUpdate(fromLow);
        assertEquals("high", low.getMap("m").get("k"));
        assertEquals("high", high.getMap("m").get("k"));
        assertArrayEquals(low.encodeStateAsUpdate(), high.encodeStateAsUpdate());
    }
}
