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

    private BrowserSyncClient() {
    }

    @JSFunctor
    interface TextHandler extends JSObject {
        void handle(String text);
    }

    /** Fetches the configuration (falling back to the last one, then to defaults) and hands over the client. */
    public static void start(Consumer<SyncClient> ready) {
        PreferenceStore preferences = new LocalStoragePreferences();
        fetchText(ClientConfig.PATH, text -> {
            ClientConfig config = parseOr(text, null);
            if (config != null && !text.equals(preferences.get(CONFIG_KEY))) {
                preferences.put(CONFIG_KEY, text); // only when it changed: a write at every start cost ms in profiles
            }
            ready.accept(create(config != null ? config : remembered(preferences), preferences));
        }, failure -> ready.accept(create(remembered(preferences), preferences)));
    }

    public static SyncClient create(ClientConfig config, PreferenceStore preferences) {
        BrowserNativeText.install();
        BrowserNativeJson.install();
        RandomBytes random = new CryptoRandomBytes();
        BrowserScheduler scheduler = new BrowserScheduler();
        RoomStorage storage = new IndexedDbRoomStorage();
        String origin = pageOrigin();
        SyncClient client = new SyncClient(new SyncClient.Platform(
                new WebSocketSignalingTransport(config.signalingUrlsFor(origin)),
                new RtcPeerTransport(config.iceServersJson(), random),
                BroadcastChannelTransport.ifSupported(),
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
