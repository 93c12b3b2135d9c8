package org.vaultsync.sync;

import org.vaultsync.common.Cancellable;
import org.vaultsync.common.Scheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.presence.Awareness;
import org.vaultsync.presence.AwarenessChange;
import org.vaultsync.protocol.PeerMessage;
import org.vaultsync.protocol.PeerMessageCodec;
import org.vaultsync.protocol.ProtocolException;
import org.vaultsync.sync.mesh.PeerChannel;
import org.vaultsync.sync.mesh.RoomMesh;

/**
 * The y-protocols sync and awareness exchange over a room's channels (y-webrtc.md §4), interoperable with y-webrtc
 * and better behaved: updates and step 2 answers are cut into valid updates of at most 16 KiB; an update is never
 * echoed to the channel it came from and is relayed only to neighbours its sender is not connected to (as its
 * sender advertises in awareness, see {@link MeshTopology}); a failed send or a gap in what arrived triggers a
 * resync with that peer; and a periodic state-vector exchange repairs anything lost silently.
 */
public final class RoomSync implements RoomMesh.Listener {
    public static final int MAX_UPDATE_BYTES = 16 * 1024;
    public static final long ANTI_ENTROPY_INTERVAL_MILLIS = 30_000;
    public static final long REPAIR_DELAY_MILLIS = 500;
    /** How long received updates are collected before one confirmation answers them all. */
    public static final long CONFIRM_DELAY_MILLIS = 100;
    /** WebRTC's SCTP max-message-size as browsers announce it: a larger message never reaches y-webrtc peers. */
    public static final int MAX_MESSAGE_BYTES = 262_144;

    private final SyncDocument doc;
    private final Awareness awareness;
    private final Scheduler scheduler;
    private final SyncEvents events;
    private final MeshTopology topology;
    private final long antiEntropyInterval;
    private final SyncStats stats = new SyncStats();
    private final Map<PeerChannel, ChannelState> channels = new LinkedHashMap<>();
    private final SyncDocument.UpdateListener docListener = new SyncDocument.UpdateListener() {
        @Override
        public void onUpdate(byte[] update, Object origin) {
            onDocUpdate(update, origin);
        }

        /** Only a channel that listens takes updates: with none (alone, or a stored state loading) none is encoded. */
        @Override
        public boolean wantsUpdate(Object origin) {
            if (!closed) {
                for (PeerChannel channel : channels.keySet()) {
                    if (channel.hasListeners()) {
                        return true;
                    }
                }
            }
            return false;
        }
    };
    private final java.util.function.BiConsumer<AwarenessChange, Object> awarenessListener = this::onAwarenessChange;
    private Cancellable antiEntropyTimer;
    private boolean syncing;
    private boolean closed;
    private boolean reportedOversized;

    private static final class ChannelState {
        /** What the peer holds beyond its state vector; a broadcast channel reaches tabs that come later: none. */
        SyncDocument.PeerHoldings holdings;
        boolean synced;
        byte[] remoteStateVector = new byte[] {0};
        Cancellable repairTimer;
        Cancellable confirmTimer;
        int repairAttempts;
        /** Broadcast channel only: our full state is still to be posted, once another tab makes itself known. */
        boolean stateOwed;
    }

    public RoomSync(SyncDocument doc, Awareness awareness, String localPeerId, Scheduler scheduler, SyncEvents events) {
        this(doc, awareness, localPeerId, scheduler, events, ANTI_ENTROPY_INTERVAL_MILLIS);
    }

    public RoomSync(SyncDocument doc, Awareness awareness, String localPeerId, Scheduler scheduler, SyncEvents events,
                    long antiEntropyInterval) {
        this.doc = doc;
        this.awareness = awareness;
        this.scheduler = scheduler;
        this.events = events;
        this.topology = new MeshTopology(awareness, localPeerId, scheduler);
        this.antiEntropyInterval = antiEntropyInterval;
        doc.addUpdateListener(docListener);
        awareness.addListener(awarenessListener);
        scheduleAntiEntropy();
    }

    public SyncStats stats() {
        return stats;
    }

    /** Every open non-broadcast channel has answered our step 1. */
    public boolean isSynced() {
        for (Map.Entry<PeerChannel, ChannelState> entry : channels.entrySet()) {
            if (!entry.getKey().isBroadcast() && !entry.getValue().synced) {
                return false;
            }
        }
        return true;
    }

    /** Stops listening and sending; the awareness removal of the local state is the caller's (it owns awareness). */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        doc.removeUpdateListener(docListener);
        awareness.removeListener(awarenessListener);
        if (antiEntropyTimer != null) {
            antiEntropyTimer.cancel();
        }
        topology.close();
        for (ChannelState state : channels.values()) {
            cancelRepair(state);
        }
        channels.clear();
    }

    @Override
    public void onBroadcastPeerJoined(PeerChannel channel) {
        ChannelState state = channels.get(channel);
        if (!closed && state != null && state.stateOwed) {
            state.stateOwed = false;
            sendMissing(channel, new byte[] {0});
        }
    }

    @Override
    public void onChannelOpen(PeerChannel channel) {
        if (closed) {
            return;
        }
        ChannelState state = new ChannelState();
        state.holdings = channel.isBroadcast() ? SyncDocument.PeerHoldings.UNTRACKED : doc.newPeerHoldings();
        channels.put(channel, state);
        send(channel, new PeerMessage.SyncStep1(doc.encodeStateVector()));
        if (channel.isBroadcast()) {
            // as y-webrtc: other tabs get our full state and our awareness, and are asked for theirs. With no other
            // tab known, the state waits until one makes itself known (onBroadcastPeerJoined): encoding and posting
            // a room's megabytes to nobody was a third of loading it, and a tab that opens later asks anyway
            if (channel.hasListeners()) {
                sendMissing(channel, new byte[] {0});
            } else {
                state.stateOwed = true;
            }
            send(channel, new PeerMessage.QueryAwareness());
            send(channel, new PeerMessage.Awareness(awareness.encodeUpdate(List.of(awareness.clientId()))));
        } else {
            if (!awareness.getStates().isEmpty()) {
                send(channel, new PeerMessage.Awareness(awareness.encodeAllStates()));
            }
            topology.linksChanged(channelIds());
            if (!syncing) {
                syncing = true;
                events.emit(new SyncEvent.SyncStarted());
            }
        }
    }

    @Override
    public void onChannelClosed(PeerChannel channel) {
        ChannelState state = channels.remove(channel);
        if (state != null) {
            cancelRepair(state);
        }
        if (!closed && !channel.isBroadcast()) {
            topology.linksChanged(channelIds());
            checkSynced();
        }
    }

    @Override
    public void onChannelMessage(PeerChannel channel, byte[] bytes) {
        ChannelState state = channels.get(channel);
        if (closed || state == null) {
            return;
        }
        stats.messagesReceived++;
        try {
            PeerMessage message = PeerMessageCodec.decode(bytes);
            if (message instanceof PeerMessage.SyncStep1 step1) {
                state.remoteStateVector = step1.stateVector();
                doc.remoteStateVector(step1.stateVector(), channel);
                sendMissing(channel, step1.stateVector());
            } else if (message instanceof PeerMessage.SyncStep2 step2) {
                applyAndConfirm(channel, state, step2.update());
                state.holdings.received(step2.update());
                if (!state.synced) {
                    state.synced = true;
                    checkSynced();
                }
                requestResyncIfIncomplete(channel, state);
            } else if (message instanceof PeerMessage.SyncUpdate update) {
                applyAndConfirm(channel, state, update.update());
                state.holdings.received(update.update());
                requestResyncIfIncomplete(channel, state);
            } else if (message instanceof PeerMessage.Awareness update) {
                awareness.applyUpdate(update.update(), channel);
            } else if (message instanceof PeerMessage.QueryAwareness) {
                send(channel, new PeerMessage.Awareness(awareness.encodeAllStates()));
            }
        } catch (ProtocolException e) {
            stats.malformedReceived++;
        }
    }

    /**
     * Applies a received update; if the document asks for confirmations and the update changed it, our state vector
     * goes back to the sender shortly after (one step 1 for a burst), so it learns its change arrived. Only a
     * change triggers one: the (empty) answer to a confirmation does not, so confirmations never ping-pong.
     */
    private void applyAndConfirm(PeerChannel channel, ChannelState state, byte[] update) throws ProtocolException {
        if (!doc.confirmsReceivedUpdates() || channel.isBroadcast()) {
            doc.applyUpdate(update, channel);
            return;
        }
        byte[] before = doc.encodeStateVector();
        doc.applyUpdate(update, channel);
        if (state.confirmTimer == null && !java.util.Arrays.equals(before, doc.encodeStateVector())) {
            state.confirmTimer = scheduler.schedule(CONFIRM_DELAY_MILLIS, () -> {
                state.confirmTimer = null;
                if (!closed && channels.get(channel) == state) {
                    send(channel, new PeerMessage.SyncStep1(doc.encodeStateVector()));
                }
            });
        }
    }

    private void onDocUpdate(byte[] update, Object origin) {
        if (closed) {
            return;
        }
        PeerChannel from = origin instanceof PeerChannel channel && channels.containsKey(channel) ? channel : null;
        List<byte[]> parts = null; // cut once, only when a data channel takes it (a stored state loading, a lone edit: none)
        for (PeerChannel channel : new ArrayList<>(channels.keySet())) {
            if (channel == from || !channel.hasListeners()
                    || (from != null && !topology.needsRelay(from, channel))) {
                continue;
            }
            if (parts == null && !channel.isBroadcast()) {
                parts = splitForDataChannels(update);
            }
            List<byte[]> pieces = channel.isBroadcast() ? List.of(update) : parts;
            if (from == null) {
                stats.updatesSent++;
            } else {
                stats.updatesRelayed++;
            }
            ChannelState state = channels.get(channel);
            if (state != null) {
                state.holdings.sent(update); // a failed send below forgets it again
            }
            for (byte[] part : pieces) {
                stats.updateBytes += part.length + 4;
                if (!send(channel, new PeerMessage.SyncUpdate(part))) {
                    break;
                }
            }
        }
    }

    private void onAwarenessChange(AwarenessChange change, Object origin) {
        if (closed) {
            return;
        }
        byte[] update = awareness.encodeUpdate(change.touched());
        PeerChannel from = origin instanceof PeerChannel channel && channels.containsKey(channel) ? channel : null;
        for (PeerChannel channel : new ArrayList<>(channels.keySet())) {
            // same relay rule as for document updates: y-webrtc floods awareness (2·E messages per change,
            // and every peer renews every 15 s); a missed relay is healed by the next renewal
            if (channel != from && channel.hasListeners() && (from == null || topology.needsRelay(from, channel))) {
                stats.awarenessSent++;
                send(channel, new PeerMessage.Awareness(update));
            }
        }
    }

    private void sendMissing(PeerChannel channel, byte[] remoteStateVector) {
        List<byte[]> parts;
        try {
            ChannelState state = channels.get(channel);
            parts = doc.encodeMissing(remoteStateVector,
                    state == null ? SyncDocument.PeerHoldings.UNTRACKED : state.holdings, maxUpdateBytes(channel));
        } catch (ProtocolException e) {
            stats.malformedReceived++;
            return;
        }
        for (byte[] part : parts) {
            stats.step2Sent++;
            if (!send(channel, new PeerMessage.SyncStep2(part))) {
                return;
            }
        }
    }

    private List<byte[]> splitForDataChannels(byte[] update) {
        try {
            return doc.split(update, MAX_UPDATE_BYTES);
        } catch (ProtocolException e) {
            return List.of(update);
        }
    }

    /**
     * The largest update one message to {@code channel} carries. Data channels: {@link #MAX_UPDATE_BYTES}. Other tabs
     * take any size over the BroadcastChannel (a structured clone, no SCTP limit) and y-webrtc sends them its state
     * whole: cutting and re-framing a room's megabytes there was a third of loading a stored room.
     */
    private static int maxUpdateBytes(PeerChannel channel) {
        return channel.isBroadcast() ? Integer.MAX_VALUE : MAX_UPDATE_BYTES;
    }

    /** Sends; a failed send schedules a repair (resync) of that channel instead of silently diverging. */
    private boolean send(PeerChannel channel, PeerMessage message) {
        byte[] bytes = PeerMessageCodec.encode(message);
        if (message instanceof PeerMessage.SyncStep1) {
            stats.step1Sent++;
        }
        if (bytes.length > MAX_MESSAGE_BYTES && !channel.isBroadcast()) {
            // one indivisible value (e.g. a huge map entry) cannot be cut into valid updates: say so, once,
            // instead of retrying a send that can never succeed
            stats.failedSends++;
            ChannelState state = channels.get(channel);
            if (state != null) {
                forgetHoldings(channel, state); // what was counted as going out with it did not
            }
            if (!reportedOversized) {
                reportedOversized = true;
                events.emit(new SyncEvent.Error("A change of " + (bytes.length / 1024)
                        + " KiB is too large to share (the limit is 256 KiB); it stays on this device"));
            }
            return false;
        }
        if (channel.send(bytes)) {
            stats.sent(bytes, !channel.isBroadcast());
            return true;
        }
        stats.failedSends++;
        ChannelState state = channels.get(channel);
        if (state != null) {
            forgetHoldings(channel, state);
            scheduleRepair(channel, state);
        }
        return false;
    }

    private void requestResyncIfIncomplete(PeerChannel channel, ChannelState state) {
        if (doc.hasMissingDependencies()) {
            scheduleRepair(channel, state);
        }
    }

    /** Resync with one channel: our state vector (they answer with what we lack) and what they lack as far as known. */
    private void scheduleRepair(PeerChannel channel, ChannelState state) {
        if (state.repairTimer != null || closed) {
            return;
        }
        long delay = REPAIR_DELAY_MILLIS << Math.min(state.repairAttempts, 6);
        state.repairAttempts++;
        state.repairTimer = scheduler.schedule(delay, () -> {
            state.repairTimer = null;
            if (closed || channels.get(channel) != state) {
                return;
            }
            stats.resyncs++;
            forgetHoldings(channel, state);
            if (send(channel, new PeerMessage.SyncStep1(doc.encodeStateVector()))) {
                sendMissing(channel, state.remoteStateVector);
                if (state.repairTimer == null) {
                    state.repairAttempts = 0;
                }
            }
        });
    }

    private void scheduleAntiEntropy() {
        if (antiEntropyInterval <= 0) {
            return;
        }
        antiEntropyTimer = scheduler.schedule(antiEntropyInterval, () -> {
            if (closed) {
                return;
            }
            byte[] stateVector = doc.encodeStateVector();
            for (Map.Entry<PeerChannel, ChannelState> entry : new ArrayList<>(channels.entrySet())) {
                // deletions sent on a channel that lost a message without closing (a peer that dropped it, a
                // lossy transport) would otherwise never go out again: the next answer on each channel is complete
                forgetHoldings(entry.getKey(), entry.getValue());
                send(entry.getKey(), new PeerMessage.SyncStep1(stateVector));
            }
            scheduleAntiEntropy();
        });
    }

    /** The peer may lack anything we sent it: the next answer to its step 1 is complete, as in y-protocols. */
    private void forgetHoldings(PeerChannel channel, ChannelState state) {
        if (!channel.isBroadcast()) {
            state.holdings = doc.newPeerHoldings();
        }
    }

    private void checkSynced() {
        if (syncing && isSynced()) {
            syncing = false;
            events.emit(new SyncEvent.SyncCompleted());
        }
    }

    private List<String> channelIds() {
        List<String> ids = new ArrayList<>();
        for (PeerChannel channel : channels.keySet()) {
            if (!channel.isBroadcast()) {
                ids.add(channel.id());
            }
        }
        return ids;
    }

    private static void cancelRepair(ChannelState state) {
        if (state.repairTimer != null) {
            state.repairTimer.cancel();
            state.repairTimer = null;
        }
        if (state.confirmTimer != null) {
            state.confirmTimer.cancel();
            state.confirmTimer = null;
        }
    }
}
