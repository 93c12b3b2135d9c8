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
     * {@code varUint(type) [varUint(syncType)] varUint(payload length) payload} (types under 128 take one byte each),
     * written into an array of exactly that size with one copy of the payload: a room's state can be megabytes,
     * and a growing writer plus its final copy moved it twice.
     */
    private static byte[] framed(int type, int syncType, byte[] payload) {
        int length = payload.length;
        int lengthBytes = 1;
        for (int rest = length >>> 7; rest != 0; rest >>>= 7) {
            lengthBytes++;
        }
        int at = syncType < 0 ? 1 : 2;
        byte[] out = new byte[at + lengthBytes + length];
        out[0] = (byte) type;
        if (syncType >= 0) {
            out[1] = (byte) syncType;
        }
        int rest = length;
        while (rest > 0x7F) {
            out[at++] = (byte) (0x80 | (rest & 0x7F));
            rest >>>= 7;
        }
        out[at++] = (byte) rest;
        System.arraycopy(payload, 0, out, at, length);
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
