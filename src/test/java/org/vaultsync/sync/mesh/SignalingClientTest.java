package org.vaultsync.sync.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultsync.protocol.SignalingMessage;
import org.vaultsync.sync.VirtualScheduler;

/** Keep-alive and robustness of the signaling client, timed like y-webrtc's (trace-ping.jsonl). */
class SignalingClientTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<String> sent = new ArrayList<>();
    private final List<String> lost = new ArrayList<>();
    private final List<SignalingMessage.Publish> published = new ArrayList<>();
    private SignalingConnection.Listener server;
    private boolean closedByClient;
    private String localPeerId;

    private SignalingClient connect() {
        SignalingClient client = new SignalingClient(clock, new SignalingClient.Listener() {
            public void onOpen() {
            }

            public String localPeerId() {
                return localPeerId;
            }

            public void onPublish(SignalingMessage.Publish publish) {
                published.add(publish);
            }

            public void onLost(String reason) {
                lost.add(reason);
            }
        });
        client.connect(listener -> {
            server = listener;
            return new SignalingConnection() {
                public void send(String frame) {
                    sent.add(frame);
                }

                public void close() {
                    closedByClient = true;
                }
            };
        });
        server.onOpen();
        return client;
    }

    @Test
    void pingsFifteenSecondsAfterOpenAndAfterEveryPong() {
        connect();
        clock.advance(14_999);
        assertTrue(sent.isEmpty());
        clock.advance(1);
        assertEquals(List.of("{\"type\":\"ping\"}"), sent);
        clock.advance(5);
        server.onMessage("{\"type\":\"pong\"}");
        clock.advance(15_000);
        assertEquals(2, sent.size());
        assertTrue(lost.isEmpty());
    }

    @Test
    void thirtySecondsOfSilenceMeansTheConnectionIsDead() {
        connect();
        clock.advance(29_999);
        assertTrue(lost.isEmpty());
        clock.advance(15_000);
        assertEquals(1, lost.size());
        assertTrue(closedByClient);
        server.onMessage("{\"type\":\"pong\"}");
        server.onClose("late");
        assertEquals(1, lost.size(), "reported once, nothing after");
        assertEquals(0, clock.pendingTasks());
    }

    @Test
    void malformedFramesAreCountedAndDroppedAndPublishesDelivered() {
        SignalingClient client = connect();
        server.onMessage("this is not json");
        server.onMessage("{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"type\":\"announce\",\"from\":\"x\"},\"clients\":2}");
        assertEquals(1, client.malformedFrames());
        assertEquals(1, published.size());
        assertEquals(2, published.get(0).clients());
    }

    @Test
    void afterCloseNothingIsSentAndNoCallbackFires() {
        SignalingClient client = connect();
        client.close();
        client.send(new SignalingMessage.Ping());
        server.onMessage("{\"type\":\"publish\",\"topic\":\"r\",\"data\":{}}");
        server.onClose("bye");
        clock.advance(100_000);
        assertTrue(sent.isEmpty());
        assertTrue(published.isEmpty());
        assertTrue(lost.isEmpty());
        assertEquals(0, clock.pendingTasks());
    }

    @Test
    void signalsToOtherPeersAreDroppedUndecodedAndOursDelivered() {
        localPeerId = "me";
        SignalingClient client = connect();
        server.onMessage("{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"to\":\"other\",\"from\":\"x\","
                + "\"type\":\"signal\",\"token\":1,\"signal\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}}");
        server.onMessage("{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"to\":\"me\",\"from\":\"x\","
                + "\"type\":\"signal\",\"token\":1,\"signal\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}}");
        server.onMessage("{\"type\":\"publish\",\"topic\":\"r\",\"data\":{\"type\":\"announce\",\"from\":\"x\"}}");
        assertEquals(1, client.othersSignals());
        assertEquals(2, published.size());
        assertEquals(0, client.malformedFrames());
    }
}
