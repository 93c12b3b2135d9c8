package org.vaultsync.crdt.id;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;

/** For each client, the next clock it will use: everything below is known. Unknown clients are at 0. */
public final class StateVector {
    private final Map<Integer, Integer> clocks = new HashMap<>();

    public int get(int client) {
        Integer clock = clocks.get(client);
        return clock == null ? 0 : clock;
    }

    public boolean has(int client) {
        return clocks.containsKey(client);
    }

    public void set(int client, int clock) {
        clocks.put(client, clock);
    }

    public Set<Integer> clients() {
        return clocks.keySet();
    }

    public int size() {
        return clocks.size();
    }

    public void write(Lib0Writer writer) {
        writer.writeVarUint(clocks.size());
        for (int client : ClientOrder.descending(clocks.keySet())) {
            writer.writeVarUint(client);
            writer.writeVarUint(clocks.get(client));
        }
    }

    public byte[] encode() {
        Lib0Writer writer = new Lib0Writer();
        write(writer);
        return writer.toByteArray();
    }

    /** Reads an encoded state vector; a repeated client keeps its last clock, as in Yjs. */
    public static StateVector read(Lib0Reader reader) throws DecodingException {
        StateVector sv = new StateVector();
        int count = reader.readCount(2);
        for (int i = 0; i < count; i++) {
            int client = reader.readVarUint32();
            sv.set(client, reader.readVarUintAsInt());
        }
        return sv;
    }

    public static StateVector decode(byte[] bytes) throws DecodingException {
        return read(new Lib0Reader(bytes));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StateVector sv && sv.clocks.equals(clocks);
    }

    @Override
    public int hashCode() {
        return clocks.hashCode();
    }

    @Override
    public String toString() {
        return clocks.toString();
    }
}
