package org.vaultsync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultsync.crdt.Hex;
import org.vaultsync.crdt.conformance.VectorFiles;
import org.vaultsync.json.Json;

class PeerMessageCodecTest {
    private static Map<?, ?> vectors() throws Exception {
        return (Map<?, ?>) VectorFiles.json("protocol-messages.json");
    }

    private static String vector(String keyStart) throws Exception {
        Map<?, ?> messages = (Map<?, ?>) vectors().get("peerMessages");
        for (Map.Entry<?, ?> entry : messages.entrySet()) {
            if (((String) entry.getKey()).startsWith(keyStart)) {
                return (String) entry.getValue();
            }
        }
        throw new AssertionError("no vector " + keyStart);
    }

    private static byte[] docUpdate() throws Exception {
        return Hex.parse((String) ((Map<?, ?>) vectors().get("doc")).get("update"));
    }

    private static String hex(PeerMessage message) {
        return Hex.of(PeerMessageCodec.encode(message));
    }

    @Test
    void encodesEveryMessageLikeYWebrtc() throws Exception {
        Map<?, ?> doc = (Map<?, ?>) vectors().get("doc");
        byte[] stateVector = Hex.parse((String) doc.get("stateVector"));
        byte[] awareness = Hex.parse((String) ((Map<?, ?>) vectors().get("awareness")).get("update"));

        assertEquals(vector("sync step 1 [0"), hex(new PeerMessage.SyncStep1(stateVector)));
        assertEquals(vector("sync step 1 for an empty doc"), hex(new PeerMessage.SyncStep1(new byte[] {0})));
        assertEquals(vector("sync step 2"), hex(new PeerMessage.SyncStep2(docUpdate())));
        assertEquals(vector("update [0, 2"), hex(new PeerMessage.SyncUpdate(docUpdate())));
        assertEquals(vector("awareness [1"), hex(new PeerMessage.Awareness(awareness)));
        assertEquals(vector("query awareness"), hex(new PeerMessage.QueryAwareness()));
        assertEquals(vector("bc peer id add"), hex(new PeerMessage.BcPeerId(true, "peer-1")));
        assertEquals(vector("bc peer id remove"), hex(new PeerMessage.BcPeerId(false, "peer-1")));
    }

    @Test
    void payloadsOfEveryLengthPrefixSizeAreFramedAsLib0WritesThem() throws Exception {
        for (int length : new int[] {0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152}) {
            byte[] payload = new byte[length];
            for (int i = 0; i < length; i++) {
                payload[i] = (byte) (i * 31);
            }
            org.vaultsync.crdt.encoding.Lib0Writer expected = new org.vaultsync.crdt.encoding.Lib0Writer();
            expected.writeVarUint(PeerMessage.TYPE_SYNC);
            expected.writeVarUint(PeerMessage.SYNC_STEP_2);
            expected.writeVarBytes(payload);
            byte[] framed = PeerMessageCodec.encode(new PeerMessage.SyncStep2(payload));
            assertTrue(java.util.Arrays.equals(expected.toByteArray(), framed), "payload of " + length + " bytes");
            PeerMessage.SyncStep2 back = assertInstanceOf(PeerMessage.SyncStep2.class, PeerMessageCodec.decode(framed));
            assertTrue(java.util.Arrays.equals(payload, back.update()), "round trip of " + length + " bytes");
        }
    }

    @Test
    void everyVectorDecodesAndReEncodesToTheSameBytes() throws Exception {
        Map<?, ?> messages = (Map<?, ?>) vectors().get("peerMessages");
        assertEquals(8, messages.size());
        for (Object hex : messages.values()) {
            byte[] bytes = Hex.parse((String) hex);
            assertEquals(hex, Hex.of(PeerMessageCodec.encode(PeerMessageCodec.decode(bytes))));
        }
        PeerMessage.BcPeerId peerId = (PeerMessage.BcPeerId) PeerMessageCodec.decode(
                Hex.parse(vector("bc peer id add")));
        assertTrue(peerId.add());
        assertEquals("peer-1", peerId.peerId());
        assertInstanceOf(PeerMessage.SyncStep2.class, PeerMessageCodec.decode(Hex.parse(vector("sync step 2"))));
    }

    @Test
    void awarenessUpdateMatchesTheVector() throws Exception {
        Map<?, ?> awareness = (Map<?, ?>) vectors().get("awareness");
        String stateJson = Json.stringify(awareness.get("state"));
        byte[] encoded = AwarenessUpdate.encode(List.of(new AwarenessUpdate.Entry(1, 1, stateJson)));
        assertEquals(awareness.get("update"), Hex.of(encoded));
        assertEquals(List.of(new AwarenessUpdate.Entry(1, 1, "{\"user\":{\"name\":\"A\",\"color\":\"#ff0000\"}}")),
                AwarenessUpdate.decode(encoded));
    }

    @Test
    void clientIdsUseAllThirtyTwoBits() throws Exception {
        AwarenessUpdate.Entry entry = new AwarenessUpdate.Entry(0xFFFFFFFE, 3, "null");
        assertEquals(List.of(entry), AwarenessUpdate.decode(AwarenessUpdate.encode(List.of(entry))));
        assertTrue(entry.isRemoval());
    }

    @Test
    void malformedMessagesAreProtocolErrors() {
        for (String hex : List.of("", "02", "05", "0003", "00", "000305", "01", "012b01", "04", "0401", "040105ff",
                "ffffffffffffffffffff01")) {
            assertThrows(ProtocolException.class, () -> PeerMessageCodec.decode(Hex.parse(hex)), hex);
        }
        for (String hex : List.of("", "05", "0101", "01ffffffff1f0000")) {
            assertThrows(ProtocolException.class, () -> AwarenessUpdate.decode(Hex.parse(hex)), hex);
        }
    }
}
