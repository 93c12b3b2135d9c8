package org.vaultsync.sync.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.protocol.ProtocolException;
import org.vaultsync.sync.SyncDocument;

/**
 * A small but real CRDT for exercising the sync protocol before the Yjs engine is wired in: a grow-only log of
 * operations, each identified by (client, clock) with clocks contiguous per client, exactly Yjs's causality model.
 * Like Yjs it integrates an operation only when all earlier ones of its client are known (others wait as pending),
 * emits update events only for newly integrated operations, and its state vector uses the Yjs layout. Two logs are
 * converged when their state vectors and contents are equal. Update bytes are its own format, not Yjs's.
 */
public final class OpLogDocument implements SimDocument {
    private final int clientId;
    private final Map<Integer, List<byte[]>> log = new TreeMap<>(Integer::compareUnsigned);
    private final Map<Integer, TreeMap<Integer, byte[]>> pending = new HashMap<>();
    private final List<UpdateListener> listeners = new ArrayList<>();

    private record Op(int client, int clock, byte[] payload) {
    }

    public OpLogDocument(int clientId) {
        this.clientId = clientId;
    }

    /** A local edit: appends one operation and emits it as an update with origin "local". */
    public void edit(byte[] payload) {
        int clock = clockOf(clientId);
        log.computeIfAbsent(clientId, c -> new ArrayList<>()).add(payload.clone());
        emit(encode(List.of(new Op(clientId, clock, payload))), "local");
    }

    /** Several edits in one transaction: one update event carrying all of them. */
    public void editBatch(List<byte[]> payloads) {
        List<Op> ops = new ArrayList<>();
        for (byte[] payload : payloads) {
            int clock = clockOf(clientId);
            log.computeIfAbsent(clientId, c -> new ArrayList<>()).add(payload.clone());
            ops.add(new Op(clientId, clock, payload));
        }
        emit(encode(ops), "local");
    }

    @Override
    public void randomEdit(java.util.Random random, int size) {
        byte[] payload = new byte[size];
        random.nextBytes(payload);
        edit(payload);
    }

    @Override
    public int editCount() {
        return operationCount();
    }

    public int clockOf(int client) {
        List<byte[]> ops = log.get(client);
        return ops == null ? 0 : ops.size();
    }

    public int operationCount() {
        int total = 0;
        for (List<byte[]> ops : log.values()) {
            total += ops.size();
        }
        return total;
    }

    /** A digest of the whole content, equal on converged replicas. */
    @Override
    public String fingerprint() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Integer, List<byte[]>> entry : log.entrySet()) {
            long hash = 1125899906842597L;
            for (byte[] op : entry.getValue()) {
                for (byte b : op) {
                    hash = 31 * hash + b;
                }
                hash = 31 * hash + op.length;
            }
            out.append(Integer.toUnsignedString(entry.getKey())).append(':').append(entry.getValue().size())
                    .append(':').append(Long.toHexString(hash)).append(' ');
        }
        return out.toString();
    }

    @Override
    public byte[] encodeStateVector() {
        Lib0Writer out = new Lib0Writer();
        out.writeVarUint(log.size());
        for (Map.Entry<Integer, List<byte[]>> entry : log.entrySet()) {
            out.writeVarUint(entry.getKey());
            out.writeVarUint(entry.getValue().size());
        }
        return out.toByteArray();
    }

    @Override
    public List<byte[]> encodeMissing(byte[] remoteStateVector, int maxBytes) throws ProtocolException {
        Map<Integer, Integer> remote = decodeStateVector(remoteStateVector);
        List<Op> missing = new ArrayList<>();
        for (Map.Entry<Integer, List<byte[]>> entry : log.entrySet()) {
            List<byte[]> ops = entry.getValue();
            for (int clock = remote.getOrDefault(entry.getKey(), 0); clock < ops.size(); clock++) {
                missing.add(new Op(entry.getKey(), clock, ops.get(clock)));
            }
        }
        return pack(missing, maxBytes);
    }

    @Override
    public List<byte[]> split(byte[] update, int maxBytes) throws ProtocolException {
        return pack(decode(update), maxBytes);
    }

    @Override
    public void applyUpdate(byte[] update, Object origin) throws ProtocolException {
        List<Op> integrated = new ArrayList<>();
        for (Op op : decode(update)) {
            if (op.clock() < clockOf(op.client())) {
                continue;
            }
            pending.computeIfAbsent(op.client(), c -> new TreeMap<>()).put(op.clock(), op.payload());
            drain(op.client(), integrated);
        }
        if (!integrated.isEmpty()) {
            emit(encode(integrated), origin);
        }
    }

    @Override
    public boolean hasMissingDependencies() {
        for (TreeMap<Integer, byte[]> waiting : pending.values()) {
            if (!waiting.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void addUpdateListener(UpdateListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeUpdateListener(UpdateListener listener) {
        listeners.remove(listener);
    }

    private void drain(int client, List<Op> integrated) {
        TreeMap<Integer, byte[]> waiting = pending.get(client);
        while (!waiting.isEmpty()) {
            int next = clockOf(client);
            Map.Entry<Integer, byte[]> first = waiting.firstEntry();
            if (first.getKey() < next) {
                waiting.pollFirstEntry();
            } else if (first.getKey() == next) {
                waiting.pollFirstEntry();
                log.computeIfAbsent(client, c -> new ArrayList<>()).add(first.getValue());
                integrated.add(new Op(client, next, first.getValue()));
            } else {
                break;
            }
        }
    }

    private void emit(byte[] update, Object origin) {
        for (UpdateListener listener : new ArrayList<>(listeners)) {
            listener.onUpdate(update, origin);
        }
    }

    private static List<byte[]> pack(List<Op> ops, int maxBytes) {
        List<byte[]> parts = new ArrayList<>();
        List<Op> current = new ArrayList<>();
        int size = 1;
        for (Op op : ops) {
            int opSize = op.payload().length + 16;
            if (!current.isEmpty() && size + opSize > maxBytes) {
                parts.add(encode(current));
                current = new ArrayList<>();
                size = 1;
            }
            current.add(op);
            size += opSize;
        }
        if (!current.isEmpty() || parts.isEmpty()) {
            parts.add(encode(current));
        }
        return parts;
    }

    private static byte[] encode(List<Op> ops) {
        Lib0Writer out = new Lib0Writer();
        out.writeVarUint(ops.size());
        for (Op op : ops) {
            out.writeVarUint(op.client());
            out.writeVarUint(op.clock());
            out.writeVarBytes(op.payload());
        }
        return out.toByteArray();
    }

    private static List<Op> decode(byte[] update) throws ProtocolException {
        try {
            Lib0Reader in = new Lib0Reader(update);
            int count = in.readCount(3);
            List<Op> ops = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ops.add(new Op(in.readVarUint32(), in.readVarUintAsInt(), in.readVarBytes()));
            }
            return ops;
        } catch (DecodingException e) {
            throw new ProtocolException("Malformed update: " + e.getMessage());
        }
    }

    private static Map<Integer, Integer> decodeStateVector(byte[] stateVector) throws ProtocolException {
        try {
            Lib0Reader in = new Lib0Reader(stateVector);
            int count = in.readCount(2);
            Map<Integer, Integer> clocks = new HashMap<>();
            for (int i = 0; i < count; i++) {
                clocks.put(in.readVarUint32(), in.readVarUintAsInt());
            }
            return clocks;
        } catch (DecodingException e) {
            throw new ProtocolException("Malformed state vector: " + e.getMessage());
        }
    }
}
