package org.vaultsync.browser;

import java.util.function.Consumer;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.presence.PreferenceStore;
import org.vaultsync.protocol.ClientConfig;
import org.vaultsync.protocol.ProtocolException;
import org.vaultsync.sync.SyncClient;
import org.vaultsync.sync.persistence.RoomStorage;

/**
 * Builds the {@link SyncClient} of this page from browser parts: the server's client configuration (signaling URLs,
 * ICE servers), WebSocket signaling, WebRTC peers, BroadcastChannel for other tabs, IndexedDB for room documents,
 * {@code localStorage} for preferences. The last configuration the server sent is kept, so a page that starts
 * offline still knows where to connect once the network returns.
 */
public final class BrowserSyncClient {
    static final String CONFIG_KEY = "vault-sync.client-config";

    /** The page's room storage: one, so a room read ahead by {@link #prefetchLastRoom} is there for the client. */
    private static IndexedDbRoomStorage roomStorage;

    private BrowserSyncClient() {
    }

    /**
     * Starts reading the last active room's stored document, before the page's other startup (the vault, then the
     * client): after a reload that room then shows sooner. The client's resume takes what was read; nothing is
     * connected or changed here.
     */
    public static void prefetchLastRoom() {
        String roomName = SyncClient.lastRoomName(new LocalStoragePreferences());
        if (roomName != null) {
            roomStorage().prefetch(roomName);
        }
    }

    private static IndexedDbRoomStorage roomStorage() {
        if (roomStorage == null) {
            roomStorage = new IndexedDbRoomStorage();
        }
        return roomStorage;
    }

    @JSFunctor
    interface TextHandler extends JSObject {
        void handle(String text);
    }

    /**
     * Hands over the client at once and fetches the server's configuration meanwhile: the vault's screens and a
     * stored room need no network (before, both waited for this request, up to its 5 s timeout on a network that
     * hangs). Only connecting waits for it: the connection takes the fetched signaling URLs and ICE servers, or, if
     * the request fails, the last ones fetched, then the defaults. Not the remembered ones at once: TURN credentials
     * in them are time-limited and may have expired.
     */
    public static void start(Consumer<SyncClient> ready) {
        PreferenceStore preferences = new LocalStoragePreferences();
        ClientConfig remembered = remembered(preferences);
        RandomBytes random = new CryptoRandomBytes();
        WebSocketSignalingTransport signaling = WebSocketSignalingTransport.awaitingUrls();
        RtcPeerTransport peers = new RtcPeerTransport(remembered.iceServersJson(), random);
        String origin = pageOrigin();
        fetchText(ClientConfig.PATH, text -> {
            ClientConfig config = parseOr(text, null);
            if (config != null && !text.equals(preferences.get(CONFIG_KEY))) {
                preferences.put(CONFIG_KEY, text); // only when it changed: a write at every start cost ms in profiles
            }
            ClientConfig use = config != null ? config : remembered;
            peers.configure(use.iceServersJson());
            signaling.configure(use.signalingUrlsFor(origin));
        }, failure -> signaling.configure(remembered.signalingUrlsFor(origin)));
        ready.accept(create(signaling, peers, random, preferences, origin));
    }

    private static SyncClient create(WebSocketSignalingTransport signaling, RtcPeerTransport peers, RandomBytes random,
                                     PreferenceStore preferences, String origin) {
        BrowserNativeText.install();
        BrowserNativeJson.install();
        BrowserScheduler scheduler = new BrowserScheduler();
        RoomStorage storage = roomStorage();
        SyncClient client = new SyncClient(new SyncClient.Platform(
                signaling, peers, BroadcastChannelTransport.ifSupported(),
                scheduler, BrowserSyncClient::mathRandom, random, preferences, storage, new WebCryptoKeyDerivation(),
                new IndexedDbRoomKeyStore(), origin));
        NetworkMonitor.onOnlineChange(client::networkChanged);
        if (!NetworkMonitor.isOnline()) {
            client.networkChanged(false); // started offline (the installed app opened without a network)
        }
        NetworkMonitor.onVisibilityChange(visible -> {
            if (visible && NetworkMonitor.isOnline()) {
                client.networkChanged(true);
            }
        });
        return client;
    }

    private static ClientConfig remembered(PreferenceStore preferences) {
        ClientConfig config = parseOr(preferences.get(CONFIG_KEY), null);
        return config != null ? config : ClientConfig.defaults();
    }

    private static ClientConfig parseOr(String text, ClientConfig fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return ClientConfig.fromJson(text);
        } catch (ProtocolException e) {
            return fallback;
        }
    }

    @JSBody(script = "return Math.random();")
    private static native double mathRandom();

    @JSBody(script = "return window.location.origin;")
    public static native String pageOrigin();

    @JSBody(params = {"url", "ok", "fail"}, script = ""
            + "var request = new XMLHttpRequest();"
            + "request.open('GET', url);"
            + "request.timeout = 5000;"
            + "request.onload = function() { if (request.status === 200) ok(request.responseText); else fail('HTTP ' + request.status); };"
            + "request.onerror = function() { fail('unreachable'); };"
            + "request.ontimeout = function() { fail('timed out'); };"
            + "request.send();")
    private static native void fetchText(String url, TextHandler ok, TextHandler fail);
}
