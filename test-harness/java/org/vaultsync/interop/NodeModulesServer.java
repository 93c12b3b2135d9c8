package org.vaultsync.interop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Serves the pinned npm packages of test-harness/node to a browser on loopback, unbundled: an import map built from
 * the packages' own "exports" maps resolves the bare specifiers (yjs, y-webrtc, y-protocols/*, lib0/*), so the
 * browser runs exactly the published modules. Also serves the peer page of {@link #peerPage}.
 */
public final class NodeModulesServer implements AutoCloseable {
    /** Conditions a browser bundler would pick, in priority order. */
    private static final List<String> CONDITIONS = List.of("browser", "module", "import", "default");

    private final Path modules;
    private final HttpServer http;
    private final String importMap;

    public NodeModulesServer(Path modules) throws IOException, JsonException {
        this.modules = modules.toAbsolutePath().normalize();
        this.importMap = buildImportMap();
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        http.createContext("/nm/", this::serveModule);
        http.createContext("/shim/simple-peer.js", exchange -> send(exchange, 200, "text/javascript",
                "export default window.SimplePeer\n"));
        http.createContext("/peer.html", exchange -> send(exchange, 200, "text/html; charset=utf-8", peerPage()));
        http.start();
    }

    /**
     * The y-webrtc page joined to {@code room} (the namespaced room name) through {@code signalingUrl}, with
     * {@code password} when not null.
     */
    public String peerPage(String room, String signalingUrl, String password) {
        return base().resolve("/peer.html?room=" + encode(room) + "&signal=" + encode(signalingUrl)
                + (password == null ? "" : "&password=" + encode(password))).toString();
    }

    /** Waits up to 30 s until {@code script} returns true in the page; a timeout names the script and the page's load errors. */
    public static void awaitTrue(org.openqa.selenium.chrome.ChromeDriver driver, String script) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                    .until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(script)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Timed out on: " + script + "; page errors: "
                    + driver.executeScript("return window.loadErrors"), e);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    /** The import map (JSON) that resolves the packages' bare specifiers to this server's {@code /nm/} paths. */
    public String importMap() {
        return importMap;
    }

    /** Also serves the files under {@code directory} at {@code /prefix/...} (JavaScript as modules) and pages given as text. */
    public void serveDirectory(String prefix, Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        http.createContext("/" + prefix + "/", exchange -> serveFile(exchange, root,
                exchange.getRequestURI().getPath().substring(prefix.length() + 2)));
    }

    public void servePage(String path, String html) {
        http.createContext(path, exchange -> send(exchange, 200, "text/html; charset=utf-8", html));
    }

    private String buildImportMap() throws IOException, JsonException {
        Map<String, Object> imports = new LinkedHashMap<>();
        for (String pkg : List.of("yjs", "y-webrtc", "y-protocols", "lib0", "y-indexeddb")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> manifest = (Map<String, Object>) Json.parse(Files.readString(modules.resolve(pkg).resolve("package.json")));
            @SuppressWarnings("unchecked")
            Map<String, Object> exports = (Map<String, Object>) manifest.get("exports");
            if (exports.keySet().stream().noneMatch(key -> key.startsWith("."))) {
                exports = Map.of(".", exports); // conditions for the package root only (y-webrtc's form)
            }
            for (Map.Entry<String, Object> entry : exports.entrySet()) {
                String key = entry.getKey();
                String target = resolve(entry.getValue());
                if (key.contains("*") || target == null || !target.endsWith("js")) {
                    continue;
                }
                String specifier = key.equals(".") ? pkg : pkg + key.substring(1);
                imports.put(specifier, "/nm/" + pkg + target.substring(1));
            }
        }
        // simple-peer ships a UMD bundle: the page loads it as a classic script and this module re-exports it.
        imports.put("simple-peer/simplepeer.min.js", "/shim/simple-peer.js");
        return Json.stringify(Map.of("imports", imports));
    }

    private static String resolve(Object target) {
        if (target instanceof String path) {
            return path;
        }
        if (target instanceof Map<?, ?> conditions) {
            for (String condition : CONDITIONS) {
                if (conditions.containsKey(condition)) {
                    return resolve(conditions.get(condition));
                }
            }
        }
        return null;
    }

    /**
     * A page with one real y-webrtc provider: {@code ?room=&signal=&password=}. It exposes {@code window.peer}
     * (doc, map, provider, webrtc peer count, synced flag) for the test to drive and read.
     */
    private String peerPage() {
        return """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>y-webrtc peer</title><link rel="icon" href="data:,">
                <script>window.loadErrors = []; window.addEventListener('error', e => window.loadErrors.push(String(e.message) + ' ' + (e.filename || '')), true)</script>
                <script src="/nm/simple-peer/simplepeer.min.js"></script>
                <script type="importmap">%s</script>
                <script type="module">
                import * as Y from 'yjs'
                import { WebrtcProvider } from 'y-webrtc'
                import { IndexeddbPersistence } from 'y-indexeddb'
                const moduleStartAt = performance.timeOrigin + performance.now() // every import loaded: scripts ready
                const params = new URLSearchParams(location.search)
                const doc = new Y.Doc()
                const options = { signaling: [params.get('signal')], peerOpts: { config: { iceServers: [] } } }
                if (params.get('password')) options.password = params.get('password')
                const clock = () => performance.timeOrigin + performance.now()
                const peer = { doc, map: doc.getMap('vault'), provider: null, webrtcPeers: 0, synced: false, errors: [],
                               arrivals: {}, recvStarts: {}, joinAt: 0, firstPeerAt: 0, peerCountAt: {} }
                // Benchmark instrumentation, the same as our probe page's: arrival times of lat-* keys from peers.
                peer.map.observe((event, tx) => {
                  if (tx.local) return
                  const now = clock()
                  event.keysChanged.forEach(key => {
                    if (key.startsWith('lat-')) {
                      peer.arrivals[key] = now; peer.recvStarts[key] = window.__recvStart || 0
                      if (window.__onArrival) window.__onArrival(key, now)
                    }
                  })
                })
                peer.stamp = key => { const sentAt = String(clock()); peer.map.set(key, sentAt); return sentAt }
                peer.connect = () => {
                  peer.joinAt = clock()
                  const provider = new WebrtcProvider(params.get('room'), doc, options)
                  peer.provider = provider
                  provider.on('peers', event => {
                    peer.webrtcPeers = event.webrtcPeers.length
                    // y-webrtc reports a peer when its offer arrives; the benchmark wants it connected
                    event.added.forEach(id => {
                      const conn = provider.room && provider.room.webrtcConns.get(id)
                      if (conn) conn.peer.once('connect', () => {
                        const at = clock()
                        if (!peer.firstPeerAt) peer.firstPeerAt = at
                        const count = Array.from(provider.room.webrtcConns.values()).filter(each => each.connected).length
                        if (!peer.peerCountAt[count]) peer.peerCountAt[count] = at
                      })
                    })
                  })
                  provider.on('synced', event => { peer.synced = event.synced })
                }
                // y-indexeddb, for the storage benchmark: resolves with the milliseconds until the stored doc is applied.
                peer.persist = name => {
                  const start = peer.persistStartAt = clock()
                  const persistence = new IndexeddbPersistence(name, doc)
                  return persistence.whenSynced.then(() => clock() - start)
                }
                window.addEventListener('error', event => peer.errors.push(String(event.message)))
                // ?persist=NAME: y-indexeddb starts as the page's module runs, as an app would start it, so the
                // benchmark can time a reload from navigation start to the stored doc applied
                if (params.get('persist')) {
                  peer.persist(params.get('persist')).then(ms => {
                    peer.persistMillis = ms; peer.persistedAt = clock(); peer.moduleStartAt = moduleStartAt
                  })
                }
                if (params.get('defer') !== '1') peer.connect()
                window.peer = peer
                </script></head><body>peer</body></html>
                """.formatted(importMap);
    }

    private void serveModule(HttpExchange exchange) throws IOException {
        serveFile(exchange, modules, exchange.getRequestURI().getPath().substring("/nm/".length()));
    }

    private static void serveFile(HttpExchange exchange, Path root, String relative) throws IOException {
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", "not found");
            return;
        }
        String name = file.getFileName().toString();
        String type = name.endsWith(".js") || name.endsWith(".mjs") ? "text/javascript" : "application/octet-stream";
        byte[] body = Files.readAllBytes(file);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
