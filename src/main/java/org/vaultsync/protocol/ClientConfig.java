package org.vaultsync.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * What the server tells the client at start-up ({@code GET /client-config.json}), so one deployment needs no client
 * rebuild: the signaling URLs to try in turn and the ICE servers for WebRTC. An empty signaling list means "this
 * page's own origin, {@code /signal}"; no ICE servers means host candidates only (loopback and LAN work).
 */
public record ClientConfig(List<String> signalingUrls, List<IceServer> iceServers) {
    public static final String PATH = "/client-config.json";

    /**
     * One {@code RTCIceServer}; {@code username}/{@code credential} are null for STUN. A plain class, not a record:
     * nothing compares or prints it, and a record would ship a toString, equals and hashCode to the client.
     */
    public static final class IceServer {
        private final List<String> urls;
        private final String username;
        private final String credential;

        public IceServer(List<String> urls, String username, String credential) {
            this.urls = urls;
            this.username = username;
            this.credential = credential;
        }

        public List<String> urls() {
            return urls;
        }

        public String username() {
            return username;
        }

        public String credential() {
            return credential;
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("urls", urls);
            if (username != null) {
                json.put("username", username);
                json.put("credential", credential);
            }
            return json;
        }
    }

    public ClientConfig {
        signalingUrls = List.copyOf(signalingUrls);
        iceServers = List.copyOf(iceServers);
    }

    public static ClientConfig defaults() {
        return new ClientConfig(List.of(), List.of());
    }

    /** The signaling URLs, or the page's own {@code /signal} (ws: or wss: after the page's scheme) when none are set. */
    public List<String> signalingUrlsFor(String pageOrigin) {
        if (!signalingUrls.isEmpty()) {
            return signalingUrls;
        }
        String ws = pageOrigin.startsWith("https:") ? "wss:" + pageOrigin.substring(6)
                : pageOrigin.startsWith("http:") ? "ws:" + pageOrigin.substring(5) : pageOrigin;
        return List.of(ws + "/signal");
    }

    /** The {@code iceServers} array of an {@code RTCConfiguration}, as JSON. */
    public String iceServersJson() {
        return stringify(serversJson());
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signalingUrls", signalingUrls);
        json.put("iceServers", serversJson());
        return stringify(json);
    }

    private List<Object> serversJson() {
        List<Object> servers = new ArrayList<>();
        for (IceServer server : iceServers) {
            servers.add(server.toJson());
        }
        return servers;
    }

    /**
     * Lists, maps and strings are always JSON. The exception gets a message of its own rather than only the cause:
     * the cause-only constructor prints the cause's class name, which keeps class names in the browser build.
     */
    private static String stringify(Object json) {
        try {
            return Json.stringify(json);
        } catch (JsonException e) {
            throw new IllegalStateException("not JSON", e);
        }
    }

    /** Reads what the server sent; anything malformed is a {@link ProtocolException}, never a half-read config. */
    public static ClientConfig fromJson(String text) throws ProtocolException {
        Object parsed;
        try {
            parsed = Json.parse(text, 8);
        } catch (JsonException e) {
            throw new ProtocolException("Client configuration is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> json)) {
            throw new ProtocolException("Client configuration must be an object");
        }
        List<String> urls = strings(json.get("signalingUrls"), "signalingUrls");
        List<IceServer> servers = new ArrayList<>();
        Object iceServers = json.get("iceServers");
        if (iceServers != null) {
            if (!(iceServers instanceof List<?> list)) {
                throw new ProtocolException("iceServers must be a list");
            }
            for (Object entry : list) {
                if (!(entry instanceof Map<?, ?> server)) {
                    throw new ProtocolException("Each ICE server must be an object");
                }
                Object rawUrls = server.get("urls");
                List<String> serverUrls = rawUrls instanceof String single ? List.of(single) : strings(rawUrls, "urls");
                servers.add(new IceServer(serverUrls, optionalString(server.get("username")),
                        optionalString(server.get("credential"))));
            }
        }
        return new ClientConfig(urls, servers);
    }

    private static List<String> strings(Object value, String field) throws ProtocolException {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            throw new ProtocolException(field + " must be a list of strings");
        }
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw new ProtocolException(field + " must be a list of strings");
            }
            out.add(text);
        }
        return out;
    }

    private static String optionalString(Object value) throws ProtocolException {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new ProtocolException("ICE server username and credential must be strings");
    }
}
