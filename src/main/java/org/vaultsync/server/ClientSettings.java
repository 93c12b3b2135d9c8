package org.vaultsync.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.vaultsync.protocol.ClientConfig;

/**
 * What the operator tells clients through {@code /client-config.json}: signaling URLs (none = the page's own
 * {@code /signal}), STUN servers, and TURN servers with time-limited credentials in the scheme coturn's
 * {@code use-auth-secret} accepts (username = expiry as Unix seconds + ":vault-sync", credential =
 * base64(HMAC-SHA1(secret, username))), so the TURN secret itself never leaves the server.
 */
public record ClientSettings(List<String> signalingUrls, List<String> stunUrls, List<String> turnUrls,
                             String turnSecret, int turnTtlSeconds) {
    public static final int DEFAULT_TURN_TTL_SECONDS = 24 * 3600;
    public static final ClientSettings NONE = new ClientSettings(List.of(), List.of(), List.of(), null,
            DEFAULT_TURN_TTL_SECONDS);
    static final String TURN_USER = "vault-sync";

    public ClientSettings {
        signalingUrls = List.copyOf(signalingUrls);
        stunUrls = List.copyOf(stunUrls);
        turnUrls = List.copyOf(turnUrls);
        for (String url : signalingUrls) {
            if (!url.startsWith("ws://") && !url.startsWith("wss://")) {
                throw new IllegalArgumentException("Signaling URL must start with ws:// or wss://, got '" + url + "'");
            }
        }
        for (String url : stunUrls) {
            if (!url.startsWith("stun:") && !url.startsWith("stuns:")) {
                throw new IllegalArgumentException("STUN URL must start with stun: or stuns:, got '" + url + "'");
            }
        }
        for (String url : turnUrls) {
            if (!url.startsWith("turn:") && !url.startsWith("turns:")) {
                throw new IllegalArgumentException("TURN URL must start with turn: or turns:, got '" + url + "'");
            }
        }
        if (!turnUrls.isEmpty() && (turnSecret == null || turnSecret.isEmpty())) {
            throw new IllegalArgumentException("TURN servers need --turn-secret (coturn's static-auth-secret)");
        }
        if (turnTtlSeconds < 60) {
            throw new IllegalArgumentException("--turn-ttl-seconds must be at least 60, got " + turnTtlSeconds);
        }
    }

    public ClientSettings withSignalingUrl(String url) {
        return new ClientSettings(plus(signalingUrls, url), stunUrls, turnUrls, turnSecret, turnTtlSeconds);
    }

    public ClientSettings withStunUrl(String url) {
        return new ClientSettings(signalingUrls, plus(stunUrls, url), turnUrls, turnSecret, turnTtlSeconds);
    }

    /** TURN URLs are checked for their secret once all options are read, not one by one. */
    public ClientSettings withTurn(List<String> urls, String secret, int ttlSeconds) {
        return new ClientSettings(signalingUrls, stunUrls, urls, secret, ttlSeconds);
    }

    /** The configuration for a client asking at {@code nowSeconds} (Unix time). */
    public ClientConfig forClientAt(long nowSeconds) {
        List<ClientConfig.IceServer> servers = new ArrayList<>();
        if (!stunUrls.isEmpty()) {
            servers.add(new ClientConfig.IceServer(stunUrls, null, null));
        }
        if (!turnUrls.isEmpty()) {
            String username = (nowSeconds + turnTtlSeconds) + ":" + TURN_USER;
            servers.add(new ClientConfig.IceServer(turnUrls, username, turnCredential(turnSecret, username)));
        }
        return new ClientConfig(signalingUrls, servers);
    }

    static String turnCredential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    private static List<String> plus(List<String> list, String value) {
        List<String> out = new ArrayList<>(list);
        out.add(value);
        return out;
    }
}
