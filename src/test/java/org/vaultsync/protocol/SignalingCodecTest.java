package org.vaultsync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultsync.json.Json;
import org.vaultsync.testing.SignalingTraces;

class SignalingCodecTest {
    /** Every frame of the real y-webrtc sessions, in both directions. */
    static List<String> traceFrames(String file) throws Exception {
        List<String> frames = new ArrayList<>();
        for (Map<String, Object> entry : SignalingTraces.events(file)) {
            if (entry.get("frame") instanceof String frame) {
                frames.add(frame);
            }
        }
        return frames;
    }

    @Test
    void everyFrameOfTheRealTracesRoundTripsByteForByte() throws Exception {
        int count = 0;
        for (String file : List.of("trace-plain.jsonl", "trace-password.jsonl", "trace-ping.jsonl")) {
            for (String frame : traceFrames(file)) {
                assertEquals(frame, SignalingCodec.encode(SignalingCodec.decode(frame)), file);
                count++;
            }
        }
        assertTrue(count > 40, "traces read: " + count);
    }

    @Test
    void plaintextRoomPayloadsOfTheTraceRoundTripByteForByte() throws Exception {
        int announces = 0;
        int signals = 0;
        for (String frame : traceFrames("trace-plain.jsonl")) {
            if (SignalingCodec.decode(frame) instanceof SignalingMessage.Publish publish) {
                RoomSignal signal = RoomSignalCodec.fromJson(publish.data());
                assertEquals(Json.stringify(publish.data()), Json.stringify(RoomSignalCodec.toJson(signal)));
                if (signal instanceof RoomSignal.Announce) {
                    announces++;
                } else {
                    signals++;
                }
            }
        }
        assertTrue(announces >= 2 && signals >= 2, announces + " announces, " + signals + " signals");
    }

    @Test
    void serverForwardedPublishCarriesTheSubscriberCount() throws Exception {
        SignalingMessage.Publish publish = (SignalingMessage.Publish) SignalingCodec.decode(
                "{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"type\":\"announce\",\"from\":\"p1\"},\"clients\":2}");
        assertEquals(2, publish.clients());
        assertEquals(new RoomSignal.Announce("p1"), RoomSignalCodec.fromJson(publish.data()));
    }

    @Test
    void clientMessagesAreWrittenAsYWebrtcWritesThem() {
        assertEquals("{\"type\":\"subscribe\",\"topics\":[\"vault-sync/ABCDEF\"]}",
                SignalingCodec.encode(new SignalingMessage.Subscribe(List.of("vault-sync/ABCDEF"))));
        assertEquals("{\"type\":\"subscribe\",\"topics\":[]}",
                SignalingCodec.encode(new SignalingMessage.Subscribe(List.of())));
        assertEquals("{\"type\":\"unsubscribe\",\"topics\":[\"r\"]}",
                SignalingCodec.encode(new SignalingMessage.Unsubscribe(List.of("r"))));
        assertEquals("{\"type\":\"ping\"}", SignalingCodec.encode(new SignalingMessage.Ping()));
        assertEquals("{\"type\":\"pong\"}", SignalingCodec.encode(new SignalingMessage.Pong()));
        assertEquals("{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"type\":\"announce\",\"from\":\"p\"}}",
                SignalingCodec.encode(new SignalingMessage.Publish("r",
                        RoomSignalCodec.toJson(new RoomSignal.Announce("p")))));
    }

    @Test
    void signalKeysFollowYWebrtcOrderAndTokensPrintLikeJavaScript() throws Exception {
        RoomSignal.Signal offer = new RoomSignal.Signal("a", "b", 1795539899669.2668,
                Map.of("type", "offer"));
        assertEquals("{\"to\":\"b\",\"from\":\"a\",\"type\":\"signal\",\"token\":1795539899669.2668,"
                + "\"signal\":{\"type\":\"offer\"}}", Json.stringify(RoomSignalCodec.toJson(offer)));
        assertEquals("offer", offer.signalType());
    }

    @Test
    void malformedFramesAreProtocolErrorsNeverCrashes() {
        for (String bad : List.of("this is not json", "[]", "42", "{}", "{\"type\":7}", "{\"type\":\"subscribe\"}",
                "{\"type\":\"publish\"}", "{\"type\":\"publish\",\"topic\":\"\"}",
                "{\"type\":\"publish\",\"topic\":\"r\",\"clients\":-1}",
                "{\"type\":\"publish\",\"topic\":\"r\",\"clients\":\"2\"}", "{\"type\":\"shout\"}",
                "[".repeat(10_000))) {
            assertThrows(ProtocolException.class, () -> SignalingCodec.decode(bad), bad);
        }
    }

    @Test
    void nonStringTopicsAreSkippedLikeTheReferenceServerDoes() throws Exception {
        SignalingMessage.Subscribe subscribe = (SignalingMessage.Subscribe) SignalingCodec.decode(
                "{\"type\":\"subscribe\",\"topics\":[\"a\",1,null,\"b\"]}");
        assertEquals(List.of("a", "b"), subscribe.topics());
    }

    @Test
    void publishDataIsKeptVerbatimIncludingEncryptedStrings() throws Exception {
        SignalingMessage.Publish publish = (SignalingMessage.Publish) SignalingCodec.decode(
                "{\"type\":\"publish\",\"topic\":\"r\",\"data\":\"B0FFUy1HQ00M\"}");
        assertEquals("B0FFUy1HQ00M", publish.data());
        assertNull(publish.clients());
        assertThrows(ProtocolException.class, () -> RoomSignalCodec.fromJson(publish.data()));
    }

    @Test
    void roomPayloadsWithoutSenderRecipientOrSignalAreRejected() {
        for (String bad : List.of("null", "{\"type\":\"announce\"}", "{\"type\":\"announce\",\"from\":\"\"}",
                "{\"type\":\"signal\",\"from\":\"a\"}", "{\"type\":\"signal\",\"from\":\"a\",\"to\":\"b\"}",
                "{\"type\":\"signal\",\"from\":\"a\",\"to\":\"b\",\"signal\":{}}", "{\"type\":\"hi\",\"from\":\"a\"}")) {
            assertThrows(ProtocolException.class, () -> RoomSignalCodec.fromJson(Json.parse(bad)), bad);
        }
    }

    @Test
    void missingTokenReadsAsNaNAndIsNotWritten() throws Exception {
        RoomSignal.Signal signal = (RoomSignal.Signal) RoomSignalCodec.fromJson(Json.parse(
                "{\"to\":\"b\",\"from\":\"a\",\"type\":\"signal\",\"signal\":{\"type\":\"answer\"}}"));
        assertTrue(Double.isNaN(signal.token()));
        assertEquals("{\"to\":\"b\",\"from\":\"a\",\"type\":\"signal\",\"signal\":{\"type\":\"answer\"}}",
                Json.stringify(RoomSignalCodec.toJson(signal)));
        assertInstanceOf(RoomSignal.Signal.class, signal);
    }

    @Test
    void aSignalForAnotherPeerIsRecognisedUndecodedOnEveryFrameOfTheRealTraces() throws Exception {
        int recognised = 0;
        for (String file : List.of("trace-plain.jsonl", "trace-password.jsonl", "trace-ping.jsonl")) {
            for (String frame : traceFrames(file)) {
                SignalingMessage message = SignalingCodec.decode(frame);
                RoomSignal.Signal signal = null;
                if (message instanceof SignalingMessage.Publish publish && publish.data() instanceof Map<?, ?>
                        && RoomSignalCodec.fromJson(publish.data()) instanceof RoomSignal.Signal s) {
                    signal = s;
                }
                assertEquals(signal != null, SignalingCodec.isSignalForAnotherPeer(frame, "another-peer"), frame);
                if (signal != null) {
                    assertEquals(false, SignalingCodec.isSignalForAnotherPeer(frame, signal.to()), "ours: " + frame);
                    assertEquals(true, SignalingCodec.isSignalForAnotherPeer(frame, signal.to() + "x"), frame);
                    recognised++;
                }
            }
        }
        assertTrue(recognised >= 2, "signals in the traces: " + recognised);
    }

    @Test
    void aFrameThatOnlyLooksAddressedElsewhereIsDecoded() {
        String me = "me";
        // a quote escaped inside a string makes the text "to":" without a key "to"
        assertEquals(false, SignalingCodec.isSignalForAnotherPeer(
                "{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"x\":\"a\\\"to\":\"b\",\"to\":\"me\"}}", me));
        assertEquals(false, SignalingCodec.isSignalForAnotherPeer(
                "{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"x\":\"a\\\"to\":\"b\"}}", me));
        // two recipients, an escape in the recipient, spaces, an encrypted payload, an announce, another type
        assertEquals(false, SignalingCodec.isSignalForAnotherPeer(
                "{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"to\":\"b\",\"to\":\"me\"}}", me));
        assertEquals(false, SignalingCodec.isSignalForAnotherPeer(
                "{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"to\":\"\\u006de\"}}", me));
        assertEquals(false, SignalingCodec.isSignalForAnotherPeer(
                "{ \"type\": \"publish\", \"topic\": \"r\", \"data\": {\"to\": \"b\"}}", me));
        assertEquals(false, SignalingCodec.isSignalForAnotherPeer(
                "{\"type\":\"publish\",\"topic\":\"r\",\"data\":\"AAECAw==\"}", me));
        assertEquals(false, SignalingCodec.isSignalForAnotherPeer(
                "{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"type\":\"announce\",\"from\":\"b\"}}", me));
        assertEquals(false, SignalingCodec.isSignalForAnotherPeer("{\"type\":\"pong\"}", me));
        assertEquals(false, SignalingCodec.isSignalForAnotherPeer("{\"type\":\"publish\",\"to\":\"", me));
        assertEquals(true, SignalingCodec.isSignalForAnotherPeer(
                "{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"to\":\"mee\",\"from\":\"b\"}}", me));
    }
}
