package org.vaultsync.protocol;

import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;

/**
 * {@link PeerMessage}s to and from bytes exactly as y-webrtc 10.3 / y-protocols 1.0.7 frame them. Unknown types and
 * truncated bodies are {@link ProtocolException}s; we never send a type y-webrtc does not know (it would answer with
 * an empty message).
 */
public final class PeerMessageCodec {
    private PeerMessageCodec() {
    }

    public static byte[] encode(PeerMessage message) {
        if (message instanceof PeerMessage.SyncStep1 step1) {
            return framed(PeerMessage.TYPE_SYNC, PeerMessage.SYNC_STEP_1, step1.stateVector());
        } else if (message instanceof PeerMessage.SyncStep2 step2) {
            return framed(PeerMessage.TYPE_SYNC, PeerMessage.SYNC_STEP_2, step2.update());
        } else if (message instanceof PeerMessage.SyncUpdate update) {
            return framed(PeerMessage.TYPE_SYNC, PeerMessage.SYNC_UPDATE, update.update());
        } else if (message instanceof PeerMessage.Awareness awareness) {
            return framed(PeerMessage.TYPE_AWARENESS, -1, awareness.update());
        }
        Lib0Writer out = new Lib0Writer(64);
        if (message instanceof PeerMessage.QueryAwareness) {
            out.writeVarUint(PeerMessage.TYPE_QUERY_AWARENESS);
        } else {
            PeerMessage.BcPeerId peerId = (PeerMessage.BcPeerId) message;
            out.writeVarUint(PeerMessage.TYPE_BC_PEER_ID);
            out.writeUint8(peerId.add() ? 1 : 0);
            out.writeVarString(peerId.peerId());
        }
        return out.toByteArray();
    }

    /**
     * {@code varUint(type) [varUint(syncType)] varUint(payload length) payload}: the header written by
     * {@link Lib0Writer}, then the payload copied once into an array of exactly the message's size (a room's state
     * can be megabytes, and writing it through a growing writer plus its final copy moved it twice).
     */
    private static byte[] framed(int type, int syncType, byte[] payload) {
        Lib0Writer header = new Lib0Writer(16);
        header.writeVarUint(type);
        if (syncType >= 0) {
            header.writeVarUint(syncType);
        }
        header.writeVarUint(payload.length);
        byte[] head = header.toByteArray();
        byte[] out = new byte[head.length + payload.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(payload, 0, out, head.length, payload.length);
        return out;
    }

    public static PeerMessage decode(byte[] bytes) throws ProtocolException {
        try {
            Lib0Reader in = new Lib0Reader(bytes);
            int type = in.readVarUintAsInt();
            switch (type) {
                case PeerMessage.TYPE_SYNC:
                    return decodeSync(in);
                case PeerMessage.TYPE_AWARENESS:
                    return new PeerMessage.Awareness(in.readVarBytes());
                case PeerMessage.TYPE_QUERY_AWARENESS:
                    return new PeerMessage.QueryAwareness();
                case PeerMessage.TYPE_BC_PEER_ID:
                    boolean add = in.readUint8() == 1;
                    return new PeerMessage.BcPeerId(add, in.readVarString());
                default:
                    throw new ProtocolException("Unknown peer message type " + type);
            }
        } catch (DecodingException e) {
            throw new ProtocolException("Malformed peer message: " + e.getMessage());
        }
    }

    private static PeerMessage decodeSync(Lib0Reader in) throws DecodingException, ProtocolException {
        int syncType = in.readVarUintAsInt();
        switch (syncType) {
            case PeerMessage.SYNC_STEP_1:
                return new PeerMessage.SyncStep1(in.readVarBytes());
            case PeerMessage.SYNC_STEP_2:
                return new PeerMessage.SyncStep2(in.readVarBytes());
            case PeerMessage.SYNC_UPDATE:
                return new PeerMessage.SyncUpdate(in.readVarBytes());
            default:
                throw new ProtocolException("Unknown sync message type " + syncType);
        }
    }
}
