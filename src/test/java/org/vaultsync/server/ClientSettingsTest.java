package org.vaultsync.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultsync.protocol.ClientConfig;
import org.vaultsync.protocol.ProtocolException;

class ClientSettingsTest {
    @Test
    void turnCredentialsFollowCoturnsUseAuthSecretScheme() {
        // Reference value: printf '1700086400:vault-sync' | openssl dgst -sha1 -hmac north -binary | base64
        assertEquals("L0pduiJu2zWfq6veI7T4tkr4gzc=", ClientSettings.turnCredential("north", "1700086400:vault-sync"));
        ClientSettings settings = ClientSettings.NONE.withTurn(List.of("turn:turn.example:3478"), "north", 86_400);
        ClientConfig config = settings.forClientAt(1_700_000_000L);
        ClientConfig.IceServer turn = config.iceServers().get(0);
        assertEquals("1700086400:vault-sync", turn.username());
        assertEquals("L0pduiJu2zWfq6veI7T4tkr4gzc=", turn.credential());
    }

    @Test
    void optionsAndEnvironmentBuildTheClientConfiguration() throws Exception {
        ServerConfig config = ServerConfig.parse(new String[] {"--stun", "stun:stun.example:3478",
            "--turn", "turn:turn.example:3478", "--turn-secret", "s3cret", "--signaling-url", "wss://signal.example/signal"},
                Map.of("VAULT_SYNC_STUN_URLS", "stun:a.example, stun:b.example"));
        ClientConfig client = ClientConfig.fromJson(config.client().forClientAt(0).toJson());
        assertEquals(List.of("wss://signal.example/signal"), client.signalingUrls());
        assertEquals(List.of("stun:a.example", "stun:b.example", "stun:stun.example:3478"), client.iceServers().get(0).urls());
        assertEquals("86400:vault-sync", client.iceServers().get(1).username());
        assertTrue(!config.client().forClientAt(0).toJson().contains("s3cret"), "the secret never reaches clients");
    }

    @Test
    void badOptionsAreRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--turn", "turn:t.example"}, Map.of()));
        assertTrue(e.getMessage().contains("--turn-secret"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.parse(new String[] {"--stun", "http://x"}, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.parse(new String[] {"--signaling-url", "http://x/signal"}, Map.of()));
    }

    @Test
    void withNothingConfiguredClientsUseThePagesOwnSignalingAndNoIceServers() throws Exception {
        ClientConfig config = ClientConfig.fromJson(ClientSettings.NONE.forClientAt(0).toJson());
        assertEquals(List.of("wss://vault.example/signal"), config.signalingUrlsFor("https://vault.example"));
        assertEquals(List.of("ws://127.0.0.1:8080/signal"), config.signalingUrlsFor("http://127.0.0.1:8080"));
        assertEquals("[]", config.iceServersJson());
    }

    @Test
    void aMalformedConfigurationIsAProtocolErrorNotAHalfReadConfig() {
        assertThrows(ProtocolException.class, () -> ClientConfig.fromJson("{\"signalingUrls\": \"ws://x\"}"));
        assertThrows(ProtocolException.class, () -> ClientConfig.fromJson("[1,2]"));
        assertThrows(ProtocolException.class, () -> ClientConfig.fromJson("{\"iceServers\": [{\"urls\": 5}]}"));
        assertThrows(ProtocolException.class, () -> ClientConfig.fromJson("not json"));
    }
}
