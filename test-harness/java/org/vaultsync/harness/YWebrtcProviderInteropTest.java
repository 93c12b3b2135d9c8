package org.vaultsync.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vaultsync.crdt.Canonical;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Hex;
import org.vaultsync.crypto.JvmKeys;
import org.vaultsync.crypto.RoomKey;
import org.vaultsync.json.Json;
import org.vaultsync.presence.LocalIdentity;
import org.vaultsync.presence.PreferenceStore;
import org.vaultsync.room.RoomCode;
import org.vaultsync.room.RoomName;
import org.vaultsync.sync.ConnectionState;
import org.vaultsync.sync.RoomAccess;
import org.vaultsync.sync.SyncEvent;
import org.vaultsync.sync.RoomSession;
import org.vaultsync.sync.RoomSync;
import org.vaultsync.sync.YDocSyncDocument;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;

/**
 * A real y-webrtc 10.3.0 WebrtcProvider (yjs 13.6.33, in Node) and our RoomSession meet through a signaling server
 * (y-webrtc's own bin/server.js on 127.0.0.1, and ours) over real WebSockets: announce, offer/answer with glare tokens,
 * then the peer protocol over a data channel stand-in (only WebRTC itself is replaced, see ywebrtc-client.mjs).
 * Both must agree on the document and see each other in awareness.
 */
class YWebrtcProviderInteropTest {
    private static final Path NODE_DIR = Path.of("test-harness", "node");
    private final List<Process> processes = new ArrayList<>();
    private final List<String> jsErrors = new CopyOnWriteArrayList<>();
    private final List<String> jsDecryptErrors = new CopyOnWriteArrayList<>();
    private final AtomicReference<Map<?, ?>> lastState = new AtomicReference<>();

    @AfterEach
    void stopProcesses() throws Exception {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Process node(String script, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(NODE_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, Object> command(Object... keyValues) {
        Map<String, Object> command = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            command.put((String) keyValues[i], keyValues[i + 1]);
        }
        return command;
    }

    /** A signaling server that can be stopped and started again on the same port, as after an outage. */
    private interface SignalingServer {
        void start(int port) throws Exception;

        void stop() throws Exception;
    }

    /** y-webrtc's own bin/server.js, through a wrapper that binds it to 127.0.0.1. */
    private final class ReferenceSignalingServer implements SignalingServer {
        private Process process;

        @Override
        public void start(int port) throws Exception {
            process = node("ywebrtc-signaling.mjs", Map.of("PORT", String.valueOf(port)));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("listening")) {
                // the reference server announces itself first
            }
            assertEquals("listening", line);
        }

        @Override
        public void stop() throws Exception {
            process.destroy();
            assertTrue(process.waitFor(5, TimeUnit.SECONDS));
        }
    }

    /** Our own server, the one the app ships with. */
    private static final class OurSignalingServer implements SignalingServer {
        private VaultSyncServer server;

        @Override
        public void start(int port) throws Exception {
            server = VaultSyncServer.start(new ServerConfig(ServerConfig.LOOPBACK, port), WebAppAssets.fromClasspath());
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
                server = null;
            }
        }
    }

    @Test
    void realYWebrtcProviderAndOurSessionSyncThroughYWebrtcsOwnSignalingServer() throws Exception {
        realYWebrtcProviderAndOurSessionSync(new ReferenceSignalingServer());
    }

    @Test
    void realYWebrtcProviderAndOurSessionSyncThroughOurSignalingServer() throws Exception {
        OurSignalingServer ours = new OurSignalingServer();
        try {
            realYWebrtcProviderAndOurSessionSync(ours);
        } finally {
            ours.stop();
        }
    }

    private void realYWebrtcProviderAndOurSessionSync(SignalingServer server) throws Exception {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve("y-webrtc"))) {
            throw new IllegalStateException("Run from the repository root with test-harness/node installed (npm ci)");
        }
        int port = freePort();
        server.start(port);

        EventLoop loop = new EventLoop();
        JsClient js = startJsClient(loop);
        Writer toClient = js.toClient();
        NodeBridgePeerTransport bridge = js.bridge();
        RoomCode code = RoomCode.parse("NTX-Y23");
        Random random = new Random(42);
        RoomSession session = ourSession(port, loop, bridge, random);
        Doc doc = new Doc(random::nextBytes);
        doc.setClientId(1);
        doc.getMap("m").set("unit", "Atlas AS7-D");
        doc.getArray("a");
        session.join(code, new YDocSyncDocument(doc), 1);
        toClient.write(Json.stringify(command("cmd", "start", "url", "ws://127.0.0.1:" + port,
                "room", RoomName.of(code), "clientID", 2.0, "name", "JS peer")) + "\n");
        toClient.write(Json.stringify(command("cmd", "set", "key", "pilot", "value", "Natasha Kerensky")) + "\n");
        toClient.flush();

        assertTrue(loop.runUntil(() -> session.status().state() == ConnectionState.CONNECTED
                && session.peers().size() == 1 && "Natasha Kerensky".equals(doc.getMap("m").get("pilot")), 20_000),
                () -> "no peer: " + session.status() + " " + session.peers() + " js errors " + jsErrors);
        assertEquals("JS peer", session.peers().get(0).name());

        doc.getMap("m").set("from-java", "yes");
        toClient.write(Json.stringify(command("cmd", "set", "key", "from-js", "value", "yes")) + "\n");
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add("row " + i + ": ER large laser, right arm");
        }
        doc.getArray("a").push(rows);
        toClient.flush();
        assertTrue(loop.runUntil(() -> converged(doc, toClient, loop), 20_000),
                () -> "not converged: " + lastState.get() + " js errors " + jsErrors);
        assertTrue(bridge.largestMessageToJs <= RoomSync.MAX_UPDATE_BYTES + 8, "largest " + bridge.largestMessageToJs);
        Map<?, ?> jsAwareness = (Map<?, ?>) lastState.get().get("awareness");
        Map<?, ?> javaSeenByJs = (Map<?, ?>) jsAwareness.get("1");
        assertEquals("Java peer", ((Map<?, ?>) javaSeenByJs.get("user")).get("name"));
        assertEquals(1.0, lastState.get().get("webrtcPeers"));
        assertTrue(jsErrors.isEmpty(), jsErrors.toString());

        // the real signaling server goes away: we retry (backoff), the data channel carries on, and once the
        // server is back on the same port we are connected again
        server.stop();
        assertTrue(loop.runUntil(() -> session.status().state() == ConnectionState.RETRYING, 10_000),
                () -> "not retrying: " + session.status());
        doc.getMap("m").set("during-outage", "java");
        toClient.write(Json.stringify(command("cmd", "set", "key", "outage-js", "value", "js")) + "\n");
        toClient.flush();
        assertTrue(loop.runUntil(() -> "js".equals(doc.getMap("m").get("outage-js")) && converged(doc, toClient, loop),
                10_000), "peers keep syncing without signaling");
        server.start(port);
        assertTrue(loop.runUntil(() -> session.status().state() == ConnectionState.CONNECTED, 40_000),
                () -> "did not reconnect: " + session.status());
        assertEquals(1, session.peers().size());

        session.leave();
        assertTrue(loop.runUntil(() -> {
            Map<?, ?> state = requestState(toClient, loop);
            return state != null && !((Map<?, ?>) state.get("awareness")).containsKey("1");
        }, 10_000), "the y-webrtc peer learns at once that we left");
    }

    /** The Node process running the real y-webrtc provider, and the bridge carrying its data channels. */
    private record JsClient(Writer toClient, NodeBridgePeerTransport bridge) {
        void send(Object... keyValues) throws Exception {
            toClient.write(Json.stringify(command(keyValues)) + "\n");
            toClient.flush();
        }
    }

    private JsClient startJsClient(EventLoop loop) throws Exception {
        Process client = node("ywebrtc-client.mjs", System.getenv("BRIDGE_DEBUG") == null ? Map.of() : Map.of("BRIDGE_DEBUG", "1"));
        Writer toClient = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8);
        NodeBridgePeerTransport bridge = new NodeBridgePeerTransport(toClient, loop);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Map<?, ?> event = (Map<?, ?>) Json.parse(line);
                    int pc = event.get("pc") instanceof Number n ? n.intValue() : -1;
                    switch ((String) event.get("ev")) {
                        case "dc-open" -> loop.post(() -> bridge.opened(pc, ((Number) event.get("java")).intValue()));
                        case "dc-send" -> {
                            byte[] data = Hex.parse((String) event.get("hex"));
                            loop.post(() -> bridge.data(pc, data));
                        }
                        case "dc-close" -> loop.post(() -> bridge.closed(pc));
                        case "state" -> lastState.set(event);
                        case "decrypt-error" -> jsDecryptErrors.add(String.valueOf(event.get("message")));
                        default -> jsErrors.add(String.valueOf(event.get("message")));
                    }
                }
            } catch (Exception e) {
                jsErrors.add(e.toString());
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new JsClient(toClient, bridge);
    }

    private static RoomSession ourSession(int port, EventLoop loop, NodeBridgePeerTransport bridge, Random random) {
        Map<String, String> preferences = new LinkedHashMap<>();
        PreferenceStore store = new PreferenceStore() {
            public String get(String key) {
                return preferences.get(key);
            }

            public void put(String key, String value) {
                preferences.put(key, value);
            }
        };
        LocalIdentity identity = LocalIdentity.load(store, random::nextBytes);
        identity.rename("Java peer");
        return new RoomSession(new WebSocketSignalingTransport(URI.create("ws://127.0.0.1:" + port), loop),
                bridge, null, loop, random::nextDouble, random::nextBytes, identity);
    }

    @Test
    void realYWebrtcWithThePasswordSyncsWithOurPasswordSessionWhenDataChannelsArePlain() throws Exception {
        OurSignalingServer server = new OurSignalingServer();
        int port = freePort();
        server.start(port);
        try {
            EventLoop loop = new EventLoop();
            JsClient js = startJsClient(loop);
            RoomCode code = RoomCode.parse("PWD-Y23");
            Random random = new Random(43);
            RoomSession session = ourSession(port, loop, js.bridge(), random);
            Doc doc = new Doc(random::nextBytes);
            doc.setClientId(1);
            doc.getMap("m").set("unit", "Marauder MAD-3R");
            doc.getArray("a");
            RoomKey key = JvmKeys.derive("Kell Hounds", RoomName.of(code));
            session.join(code, new YDocSyncDocument(doc), 1, RoomAccess.password(key).withDataChannelEncryption(false));
            js.send("cmd", "start", "url", "ws://127.0.0.1:" + port, "room", RoomName.of(code), "clientID", 2.0,
                    "name", "JS peer", "password", "Kell Hounds");
            js.send("cmd", "set", "key", "pilot", "value", "Morgan Kell");

            assertTrue(loop.runUntil(() -> session.peers().size() == 1
                    && "Morgan Kell".equals(doc.getMap("m").get("pilot")), 20_000),
                    () -> "no peer: " + session.status() + " " + session.peers() + " js errors " + jsErrors
                            + " decrypt errors " + jsDecryptErrors);
            doc.getMap("m").set("from-java", "yes");
            assertTrue(loop.runUntil(() -> converged(doc, js.toClient(), loop), 20_000),
                    () -> "not converged: " + lastState.get());
            assertEquals("Java peer", ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) lastState.get().get("awareness"))
                    .get("1")).get("user")).get("name"));
            assertTrue(jsErrors.isEmpty() && jsDecryptErrors.isEmpty(), jsErrors + " " + jsDecryptErrors);
            assertEquals(0, session.unreadableMessages());
            assertFalse(session.passwordMismatchSeen());
        } finally {
            server.stop();
        }
    }

    @Test
    void realYWebrtcWithAnotherPasswordIsReportedOnOurSideWithinFiveSeconds() throws Exception {
        OurSignalingServer server = new OurSignalingServer();
        int port = freePort();
        server.start(port);
        try {
            EventLoop loop = new EventLoop();
            JsClient js = startJsClient(loop);
            RoomCode code = RoomCode.parse("PWD-Y24");
            Random random = new Random(44);
            RoomSession session = ourSession(port, loop, js.bridge(), random);
            List<SyncEvent> events = new ArrayList<>();
            session.events().add(events::add);
            Doc doc = new Doc(random::nextBytes);
            doc.setClientId(1);
            doc.getMap("m").set("unit", "Marauder MAD-3R");
            RoomKey key = JvmKeys.derive("Kell Hounds", RoomName.of(code));
            session.join(code, new YDocSyncDocument(doc), 1, RoomAccess.password(key).withDataChannelEncryption(false));
            assertTrue(loop.runUntil(() -> session.status().state() == ConnectionState.CONNECTED, 10_000));

            js.send("cmd", "start", "url", "ws://127.0.0.1:" + port, "room", RoomName.of(code), "clientID", 2.0,
                    "name", "JS peer", "password", "Wolf's Dragoons");
            assertTrue(loop.runUntil(() -> session.unreadableMessages() > 0, 20_000), "the JS peer's announce arrives");
            long firstUnreadable = loop.now();
            assertTrue(loop.runUntil(session::passwordMismatchSeen, 5_000), "told within 5 s");
            assertTrue(loop.now() - firstUnreadable <= 5_000);
            assertTrue(events.contains(new SyncEvent.PasswordMismatch()), events.toString());
            assertEquals(ConnectionState.CONNECTED, session.status().state(), "we were there first: not our password");
            assertEquals(0, session.peers().size());
            Map<?, ?> state = requestState(js.toClient(), loop);
            assertEquals(Map.of(), ((Map<?, ?>) state.get("json")).get("m"), "the JS peer read nothing of ours");
            assertTrue(jsErrors.isEmpty(), jsErrors.toString());
        } finally {
            server.stop();
        }
    }

    private Map<?, ?> requestState(Writer toClient, EventLoop loop) {
        lastState.set(null);
        try {
            toClient.write("{\"cmd\":\"state\"}\n");
            toClient.flush();
            loop.runUntil(() -> lastState.get() != null, 2_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return lastState.get();
    }

    private boolean converged(Doc doc, Writer toClient, EventLoop loop) {
        Map<?, ?> state = requestState(toClient, loop);
        if (state == null) {
            return false;
        }
        Map<?, ?> json = (Map<?, ?>) state.get("json");
        return Canonical.json(json.get("m")).equals(Canonical.json(doc.getMap("m").toJSON()))
                && Canonical.json(json.get("a")).equals(Canonical.json(doc.getArray("a").toJSON()))
                && Hex.of(doc.encodeStateVector()).equals(state.get("stateVector"))
                && Boolean.FALSE.equals(state.get("pending"));
    }
}
