package org.vaultsync.sync.mesh;

import org.vaultsync.protocol.ProtocolException;
import org.vaultsync.protocol.SignalingCodec;
import org.vaultsync.protocol.SignalingMessage;
import org.vaultsync.common.Cancellable;
import org.vaultsync.common.Scheduler;

/**
 * The client end of one signaling connection: typed messages over JSON frames, and y-webrtc's keep-alive (a JSON
 * ping 15 s after opening and after every pong; a connection silent for 30 s is dead). Malformed frames are
 * counted and dropped, never fatal. After {@link #close()} nothing is sent and no callback fires.
 */
public final class SignalingClient implements SignalingConnection.Listener {
    public static final long PING_INTERVAL_MILLIS = 15_000;
    public static final long SILENCE_TIMEOUT_MILLIS = 30_000;

    public interface Listener {
        void onOpen();

        void onPublish(SignalingMessage.Publish publish);

        /** The connection is gone (closed by the server, failed, or silent for too long). */
        void onLost(String reason);

        /**
         * Our peer id in the room, so that signals addressed to other peers are dropped before they are decoded
         * ({@link SignalingCodec#isSignalForAnotherPeer}); null decodes everything.
         */
        default String localPeerId() {
            return null;
        }
    }

    private final Scheduler scheduler;
    private final Listener listener;
    private SignalingConnection connection;
    private boolean open;
    private boolean closed;
    private long lastHeardAt;
    private Cancellable pingTimer;
    private Cancellable silenceTimer;
    private int malformedFrames;
    private int othersSignals;

    public SignalingClient(Scheduler scheduler, Listener listener) {
        this.scheduler = scheduler;
        this.listener = listener;
    }

    public void connect(SignalingTransport transport) {
        connection = transport.connect(this);
    }

    public boolean isOpen() {
        return open && !closed;
    }

    public int malformedFrames() {
        return malformedFrames;
    }

    /** Signals to other peers of the room, dropped undecoded. */
    public int othersSignals() {
        return othersSignals;
    }

    public void send(SignalingMessage message) {
        if (isOpen()) {
            connection.send(SignalingCodec.encode(message));
        }
    }

    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        open = false;
        cancelTimers();
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public void onOpen() {
        if (closed) {
            return;
        }
        open = true;
        lastHeardAt = scheduler.now();
        schedulePing();
        scheduleSilenceCheck();
        listener.onOpen();
    }

    @Override
    public void onMessage(String frame) {
        if (closed) {
            return;
        }
        lastHeardAt = scheduler.now();
        String self = listener.localPeerId();
        if (self != null && SignalingCodec.isSignalForAnotherPeer(frame, self)) {
            othersSignals++;
            return;
        }
        SignalingMessage message;
        try {
            message = SignalingCodec.decode(frame);
        } catch (ProtocolException e) {
            malformedFrames++;
            return;
        }
        if (message instanceof SignalingMessage.Pong) {
            schedulePing();
        } else if (message instanceof SignalingMessage.Publish publish) {
            listener.onPublish(publish);
        }
    }

    @Override
    public void onClose(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        open = false;
        cancelTimers();
        listener.onLost(reason);
    }

    private void schedulePing() {
        if (pingTimer != null) {
            pingTimer.cancel();
        }
        pingTimer = scheduler.schedule(PING_INTERVAL_MILLIS, () -> {
            pingTimer = null;
            send(new SignalingMessage.Ping());
        });
    }

    private void scheduleSilenceCheck() {
        silenceTimer = scheduler.schedule(PING_INTERVAL_MILLIS, () -> {
            silenceTimer = null;
            if (closed) {
                return;
            }
            if (scheduler.now() - lastHeardAt >= SILENCE_TIMEOUT_MILLIS) {
                SignalingConnection dead = connection;
                onClose("No message from the signaling server for 30 s");
                dead.close();
            } else {
                scheduleSilenceCheck();
            }
        });
    }

    private void cancelTimers() {
        if (pingTimer != null) {
            pingTimer.cancel();
            pingTimer = null;
        }
        if (silenceTimer != null) {
            silenceTimer.cancel();
            silenceTimer = null;
        }
    }
}
