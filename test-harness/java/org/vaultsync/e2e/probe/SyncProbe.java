package org.vaultsync.e2e.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.vaultsync.browser.BrowserSyncClient;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;
import org.vaultsync.room.InvalidRoomCodeException;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.ConnectionStatus;
import org.vaultsync.sync.SyncClient;
import org.vaultsync.sync.SyncStats;

/**
 * A test page around the real browser {@link SyncClient} (compiled by TeaVM from the test classes, never shipped):
 * WebDriver drives it through {@code window.probe}. Edits go to the room document's root map {@code vault} (as the y-webrtc test page names it), so a
 * test can write on one page and read on another without any UI.
 */
public final class SyncProbe {
    private static SyncClient client;
    private static final List<String> events = new ArrayList<>();

    @JSFunctor
    interface Fn0 extends JSObject {
        String call();
    }

    @JSFunctor
    interface Fn1 extends JSObject {
        String call(String a);
    }

    @JSFunctor
    interface Fn2 extends JSObject {
        String call(String a, String b);
    }

    @JSFunctor
    interface Fn3 extends JSObject {
        String call(String a, String b, String c);
    }

    public static void main(String[] args) {
        markMainStart();
        markLoadStart(); // reading starts here: the last room is read ahead, as the app does
        BrowserSyncClient.prefetchLastRoom();
        BrowserSyncClient.start(ready -> {
            client = ready;
            client.onSyncEvent(event -> {
                events.add(event.type());
                if (event instanceof org.vaultsync.sync.SyncEvent.RoomLoaded) {
                    markLoaded();
                    watchArrivals(client.currentDocument());
                }
            });
            client.onStatusChange(status -> {
                if (status.state() == org.vaultsync.sync.ConnectionState.CONNECTED) {
                    markSignaling();
                }
                if (status.peerCount() > 0) {
                    markFirstPeer();
                }
                markPeerCount(status.peerCount()); // polled by the benchmark: reading it costs the page nothing
            });
            export0("create", () -> {
                markJoin();
                return client.createSyncRoom().value();
            });
            export1("join", codeOrLink -> {
                markJoin();
                try {
                    return client.joinSyncRoom(codeOrLink).value();
                } catch (InvalidRoomCodeException e) {
                    return "error: " + e.getMessage();
                }
            });
            export2("createWith", (password, plainChannels) -> {
                markJoin();
                org.vaultsync.sync.RoomOptions options = org.vaultsync.sync.RoomOptions.withPassword(password);
                return client.createSyncRoom("true".equals(plainChannels) ? options.plainDataChannels() : options).value();
            });
            export3("joinWith", (codeOrLink, password, plainChannels) -> {
                markJoin();
                org.vaultsync.sync.RoomOptions options = org.vaultsync.sync.RoomOptions.withPassword(password);
                try {
                    return client.joinSyncRoom(codeOrLink,
                            "true".equals(plainChannels) ? options.plainDataChannels() : options).value();
                } catch (InvalidRoomCodeException e) {
                    return "error: " + e.getMessage();
                }
            });
            export0("resume", () -> String.valueOf(client.resumeLastRoom()));
            export0("leave", () -> {
                client.leaveCurrentRoom();
                return "";
            });
            export0("retry", () -> {
                client.retry();
                return "";
            });
            export0("status", SyncProbe::status);
            export0("shareLink", () -> client.shareLink());
            export2("set", (key, value) -> {
                Doc doc = client.currentDocument();
                doc.transact(t -> doc.getMap("vault").set(key, value), "probe");
                return "";
            });
            export1("get", key -> {
                Doc doc = client.currentDocument();
                Object value = doc == null ? null : doc.getMap("vault").get(key);
                return value == null ? null : String.valueOf(value);
            });
            export0("size", () -> {
                Doc doc = client.currentDocument();
                return String.valueOf(doc == null ? 0 : doc.getMap("vault").size());
            });
            export2("fill", (count, bytes) -> fill(Integer.parseInt(count), Integer.parseInt(bytes)));
            export0("events", () -> String.join(",", events));
            export1("stamp", key -> {
                Doc doc = client.currentDocument();
                String sentAt = clockText(); // as the y-webrtc page does: String(clock), not Java's double formatting
                doc.transact(t -> doc.getMap("vault").set(key, sentAt), "probe");
                return sentAt;
            });
            export0("stats", SyncProbe::stats);
            export1("forget", code -> {
                try {
                    client.forgetRoomData(RoomCode.parse(code), new org.vaultsync.common.StorageCallback<>() {
                        @Override
                        public void done(Void value) {
                            events.add("forgotten");
                        }

                        @Override
                        public void failed(String message) {
                            events.add("forget-failed");
                        }
                    });
                    return "";
                } catch (InvalidRoomCodeException e) {
                    return "error: " + e.getMessage();
                }
            });
            VaultProbe.install();
            client.resumeLastRoom(); // as the app does: the last active room comes back after a reload
            client.prepareToConnect(); // as the app's join screen does (nothing while a room resumes)
            markReady();
        });
    }

    /** Records when each {@code lat-} key arrives from a peer, for the latency benchmark. */
    private static void watchArrivals(Doc doc) {
        doc.getMap("vault").observe(event -> {
            if (event.transaction().isLocal()) {
                return;
            }
            double now = clock();
            for (String key : event.keysChanged()) {
                if (key.startsWith("lat-")) {
                    recordArrival(key, now);
                }
            }
        });
    }

    @JSBody(script = "return performance.timeOrigin + performance.now();")
    private static native double clock();

    @JSBody(script = "return String(performance.timeOrigin + performance.now());")
    private static native String clockText();

    @JSBody(params = "count", script = "window.peerCount = count; window.peerCountAt = window.peerCountAt || {};"
            + " if (!window.peerCountAt[count]) window.peerCountAt[count] = performance.timeOrigin + performance.now();")
    private static native void markPeerCount(int count);

    @JSBody(params = {"key", "at"}, script = "window.arrivals = window.arrivals || {}; window.arrivals[key] = at;"
            + " window.recvStarts = window.recvStarts || {}; window.recvStarts[key] = window.__recvStart || 0;"
            + " if (window.__onArrival) window.__onArrival(key, at);")
    private static native void recordArrival(String key, double at);

    @JSBody(script = "window.loadStartAt = performance.timeOrigin + performance.now();")
    private static native void markLoadStart();

    /** The page's script has loaded and runs (the benchmark's "scripts ready"). */
    @JSBody(script = "window.mainStartAt = performance.timeOrigin + performance.now();")
    private static native void markMainStart();

    @JSBody(script = "window.loadedAt = performance.timeOrigin + performance.now();")
    private static native void markLoaded();

    @JSBody(script = "if (!window.signalingAt) window.signalingAt = performance.timeOrigin + performance.now();")
    private static native void markSignaling();

    @JSBody(script = "window.joinAt = performance.timeOrigin + performance.now(); window.firstPeerAt = 0;"
            + " window.signalingAt = 0;")
    private static native void markJoin();

    @JSBody(script = "if (!window.firstPeerAt) window.firstPeerAt = performance.timeOrigin + performance.now();")
    private static native void markFirstPeer();

    /** {@code count} entries of about {@code bytes} characters, one transaction each (like one edit per item). */
    private static String fill(int count, int bytes) {
        Doc doc = client.currentDocument();
        YMap map = doc.getMap("vault");
        StringBuilder filler = new StringBuilder();
        while (filler.length() < bytes) {
            filler.append("Atlas AS7-D 100t assault; ");
        }
        String body = filler.substring(0, bytes);
        for (int i = 0; i < count; i++) {
            String key = "item-" + i;
            String value = key + ":" + body;
            doc.transact(t -> map.set(key, value), "probe");
        }
        return String.valueOf(map.size());
    }

    private static String status() {
        ConnectionStatus status = client.getStatus();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", status.state().name());
        json.put("text", status.describe(System.currentTimeMillis()));
        json.put("attempt", (double) status.attempt());
        json.put("peers", (double) client.getConnectedPeerCount());
        json.put("loaded", client.isRoomLoaded());
        json.put("room", client.currentRoom() == null ? null : client.currentRoom().value());
        json.put("stored", client.persistence() == null ? -1.0 : (double) client.persistence().storedUpdateCount());
        json.put("storeIdle", client.persistence() != null && client.persistence().isIdle());
        return stringify(json);
    }

    private static String stats() {
        SyncStats stats = client.session().stats();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messagesReceived", (double) stats.messagesReceived);
        json.put("malformedReceived", (double) stats.malformedReceived);
        json.put("messagesSent", (double) stats.messagesSent);
        json.put("bytesSent", (double) stats.bytesSent);
        json.put("largestMessage", (double) stats.largestMessage);
        json.put("reachable", (double) client.session().reachablePeerCount());
        return stringify(json);
    }

    private static String stringify(Object value) {
        try {
            return Json.stringify(value);
        } catch (JsonException e) {
            return "{}";
        }
    }

    // One native per functor type: TeaVM turns a lambda into a JavaScript function only where the parameter is
    // declared as that @JSFunctor interface.
    @JSBody(params = {"name", "fn"}, script = "window.probe = window.probe || {}; window.probe[name] = fn;")
    static native void export0(String name, Fn0 fn);

    @JSBody(params = {"name", "fn"}, script = "window.probe = window.probe || {}; window.probe[name] = fn;")
    static native void export1(String name, Fn1 fn);

    @JSBody(params = {"name", "fn"}, script = "window.probe = window.probe || {}; window.probe[name] = fn;")
    static native void export2(String name, Fn2 fn);

    @JSBody(params = {"name", "fn"}, script = "window.probe = window.probe || {}; window.probe[name] = fn;")
    static native void export3(String name, Fn3 fn);

    @JSBody(script = "window.probe.ready = true;")
    private static native void markReady();
}
