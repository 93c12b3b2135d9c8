package org.vaultsync.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vaultsync.crdt.Canonical;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Hex;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.update.UpdateDecoder;
import org.vaultsync.json.Json;
import org.vaultsync.presence.Awareness;
import org.vaultsync.sync.RoomSync;
import org.vaultsync.sync.SyncEvents;
import org.vaultsync.sync.VirtualScheduler;
import org.vaultsync.sync.YDocSyncDocument;
import org.vaultsync.sync.mesh.PeerChannel;

/**
 * Our sync protocol (RoomSync on our Yjs engine) against a peer running the REAL yjs 13.6.33 + y-protocols 1.0.7
 * (test-harness/node/ywebrtc-peer.mjs) that handles peer messages exactly as y-webrtc 10.3.0 does, connected by an
 * in-process bridge carrying the binary peer messages. Both must end with the same document and see each other's
 * awareness.
 */
class YWebrtcPeerInteropTest {
    private static final Path SCRIPT = Path.of("test-harness", "node", "ywebrtc-peer.mjs");
    private static final int JAVA_CLIENT = 1;
    private static final int JS_CLIENT = 2;

    private Process node;
    private Writer toNode;
    private BufferedReader fromNode;
    private final VirtualScheduler clock = new VirtualScheduler();
    private Doc doc;
    private Awareness awareness;
    private RoomSync sync;
    private YDocSyncDocument syncDocument;
    private final Deque<byte[]> javaToJs = new ArrayDeque<>();
    private final List<byte[]> sentToJs = new ArrayList<>();
    private final PeerChannel bridge = new PeerChannel() {
        public String id() {
            return "y-webrtc-peer";
        }

        public boolean isBroadcast() {
            return false;
        }

        public boolean send(byte[] message) {
            javaToJs.add(message);
            sentToJs.add(message);
            return true;
        }
    };

    @BeforeEach
    void start() throws Exception {
        if (!Files.exists(SCRIPT) || !Files.isDirectory(Path.of("test-harness", "node", "node_modules", "y-protocols"))) {
            throw new IllegalStateException("Run from the repository root with test-harness/node installed (npm ci)");
        }
        node = new ProcessBuilder("node", SCRIPT.getFileName().toString()).directory(SCRIPT.getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        toNode = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        fromNode = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        js(Map.of("cmd", "init", "clientID", JS_CLIENT, "name", "JS peer"));
        doc = new Doc(new Random(1)::nextBytes);
        doc.setClientId(JAVA_CLIENT);
        doc.getMap("m");
        doc.getArray("a");
        awareness = new Awareness(JAVA_CLIENT, clock);
        awareness.setLocalStateField("user", Map.of("id", "java-install", "name", "Java peer", "color", "#ff0000"));
        syncDocument = new YDocSyncDocument(doc);
        sync = new RoomSync(syncDocument, awareness, "java-signaling-id", clock, new SyncEvents());
    }

    @AfterEach
    void stop() throws Exception {
        toNode.close();
        if (!node.waitFor(10, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }

    /** Sends one command to the JS peer and queues what it sends back on the connection. */
    private Map<?, ?> js(Map<String, Object> command) throws Exception {
        toNode.write(Json.stringify(command) + "\n");
        toNode.flush();
        String line = fromNode.readLine();
        assertTrue(line != null, "the JS peer died");
        Map<?, ?> answer = (Map<?, ?>) Json.parse(line);
        assertNull(answer.get("error"), () -> String.valueOf(answer.get("error")));
        for (Object hex : (List<?>) answer.get("out")) {
            jsToJava.add(Hex.parse((String) hex));
        }
        return answer;
    }

    private final Deque<byte[]> jsToJava = new ArrayDeque<>();

    /** Delivers messages both ways until the connection is quiet. */
    private void pump() throws Exception {
        for (int round = 0; round < 10_000 && (!javaToJs.isEmpty() || !jsToJava.isEmpty()); round++) {
            while (!jsToJava.isEmpty()) {
                sync.onChannelMessage(bridge, jsToJava.poll());
            }
            while (!javaToJs.isEmpty()) {
                js(Map.of("cmd", "message", "hex", Hex.of(javaToJs.poll())));
            }
        }
        assertTrue(javaToJs.isEmpty() && jsToJava.isEmpty(), "the exchange never went quiet");
    }

    private void connect() throws Exception {
        sync.onChannelOpen(bridge);
        js(Map.of("cmd", "connect"));
        pump();
    }

    private void assertSameDocument() throws Exception {
        Map<?, ?> state = js(Map.of("cmd", "state"));
        Map<?, ?> json = (Map<?, ?>) state.get("json");
        assertEquals(Canonical.json(json.get("m")), Canonical.json(doc.getMap("m").toJSON()));
        assertEquals(Canonical.json(json.get("a")), Canonical.json(doc.getArray("a").toJSON()));
        assertEquals(state.get("stateVector"), Hex.of(doc.encodeStateVector()));
        assertEquals(false, state.get("pending"));
        assertTrue(doc.pending().isEmpty());
    }

    private static Map<String, Object> set(String key, Object value) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("cmd", "set");
        command.put("key", key);
        command.put("value", value);
        return command;
    }

    @Test
    void existingContentOfBothSidesIsExchangedOnConnect() throws Exception {
        doc.getMap("m").set("unit", "Atlas AS7-D");
        js(set("pilot", "Natasha Kerensky"));
        connect();
        assertSameDocument();
        assertEquals("Natasha Kerensky", doc.getMap("m").get("pilot"));
    }

    @Test
    void liveAndConcurrentEditsConverge() throws Exception {
        connect();
        doc.getMap("m").set("from-java", 1.0);
        pump();
        js(set("from-js", "yes"));
        pump();
        doc.getMap("m").set("same", "java");
        js(set("same", "js"));
        pump();
        assertSameDocument();
        assertEquals("js", doc.getMap("m").get("same"), "concurrent map sets: the higher client id wins");
    }

    @Test
    void aLargeChangeTravelsAsValidUpdatesOfAtMost16KiBThatYjsAccepts() throws Exception {
        connect();
        sentToJs.clear();
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add("row " + i + ": ER large laser, right arm, 2 criticals");
        }
        doc.getArray("a").push(rows);
        pump();
        assertTrue(sentToJs.size() > 5, sentToJs.size() + " messages");
        for (byte[] message : sentToJs) {
            assertTrue(message.length <= RoomSync.MAX_UPDATE_BYTES + 8, "message of " + message.length + " bytes");
        }
        assertSameDocument();
    }

    @Test
    void aNewcomerGetsABigDocumentInPartsThroughStep2() throws Exception {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add("equipment " + i);
        }
        doc.getArray("a").push(rows);
        connect();
        for (byte[] message : sentToJs) {
            assertTrue(message.length <= RoomSync.MAX_UPDATE_BYTES + 8);
        }
        assertSameDocument();
    }

    @Test
    void weNeverEchoAnUpdateBackToItsSender() throws Exception {
        connect();
        sentToJs.clear();
        js(set("k", "from js"));
        pump();
        for (byte[] message : sentToJs) {
            assertFalse(message[0] == 0 && message[1] == 2, "we sent an update back: " + Hex.of(message));
        }
        assertSameDocument();
    }

    @Test
    void awarenessFlowsBothWaysAndOurLeaveReachesYjs() throws Exception {
        connect();
        Object jsState = awareness.getStates().get(JS_CLIENT);
        assertEquals("JS peer", ((Map<?, ?>) ((Map<?, ?>) jsState).get("user")).get("name"));
        Map<?, ?> state = js(Map.of("cmd", "state"));
        Map<?, ?> seenByJs = (Map<?, ?>) ((Map<?, ?>) state.get("awareness")).get(String.valueOf(JAVA_CLIENT));
        assertEquals("Java peer", ((Map<?, ?>) seenByJs.get("user")).get("name"));

        js(Map.of("cmd", "leave"));
        pump();
        assertFalse(awareness.getStates().containsKey(JS_CLIENT), "y-protocols' removal is understood");
        awareness.destroy();
        pump();
        state = js(Map.of("cmd", "state"));
        assertFalse(((Map<?, ?>) state.get("awareness")).containsKey(String.valueOf(JAVA_CLIENT)));
    }

    /**
     * Our answers to a step 1 leave out the deletions the peer holds (docs/sync.md, "Cheap confirmations"); real Yjs
     * must still end with every deletion of both sides, with confirmations on (as the vault runs) and step 1s sent
     * by the JS side at any time, as y-protocols peers may.
     */
    @Test
    void aYjsPeerEndsWithEveryDeletionWhileOurAnswersLeaveOutWhatItHolds() throws Exception {
        syncDocument.setConfirmsReceivedUpdates(true);
        for (int i = 0; i < 400; i++) {
            doc.getArray("a").push(List.of((double) i));
        }
        for (int i = 399; i >= 0; i -= 2) {
            doc.getArray("a").delete(i, 1); // 200 separate deleted ranges before the connection exists
        }
        js(Map.of("cmd", "push", "values", List.of("js 0", "js 1", "js 2", "js 3")));
        connect();
        assertSameDocument();
        List<Integer> answers = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            doc.getArray("a").delete(round * 3, 1);
            doc.getMap("m").set("round", (double) round); // overwrites: a deletion in the map too
            pump();
            js(Map.of("cmd", "delete", "index", round, "length", 1));
            js(set("js-round", (double) round));
            pump();
            clock.advance(RoomSync.CONFIRM_DELAY_MILLIS); // our confirmation; Yjs answers with its full step 2
            pump();
            sentToJs.clear();
            js(Map.of("cmd", "step1"));
            pump();
            for (byte[] message : sentToJs) {
                if (message[0] == 0 && message[1] == 1) {
                    answers.add(message.length);
                }
            }
        }
        assertSameDocument();
        Map<?, ?> state = js(Map.of("cmd", "state"));
        DeleteSet theirs = UpdateDecoder.decode(Hex.parse((String) state.get("update"))).deleteSet();
        theirs.sortAndMerge();
        assertEquals(byClient(doc.store().deleteSet()), byClient(theirs), "the same deletions on both sides");
        assertEquals(10, answers.size());
        for (int size : answers) {
            assertTrue(size <= 40, "answers to a peer holding our deletions stay small: " + answers);
        }
    }

    private static String byClient(DeleteSet ds) {
        java.util.TreeMap<Integer, String> ranges = new java.util.TreeMap<>();
        for (int client : ds.clients()) {
            ranges.put(client, ds.ranges(client).toString());
        }
        return ranges.toString();
    }

    @Test
    void aQueryAwarenessIsAnsweredWithAllStates() throws Exception {
        connect();
        int before = sentToJs.size();
        sync.onChannelMessage(bridge, new byte[] {3});
        assertEquals(before + 1, sentToJs.size());
        pump();
        assertEquals(1, sentToJs.get(before)[0], "an awareness message");
    }
}
