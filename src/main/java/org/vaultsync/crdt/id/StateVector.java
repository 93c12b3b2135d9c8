package org.vaultsync.crdt.id;

import java.util.Set;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;

/**
 * For each client, the next clock it will use: everything below is known. Unknown clients are at 0. Held as a
 * {@link ClientIndex} with a parallel array of clocks: every transaction takes two of these.
 */
public final class StateVector {
    private final ClientIndex index = new ClientIndex();
    /** Made at the first client (see {@link ClientIndex}). */
    private int[] clocks = ClientIndex.NONE;

    public int get(int client) {
        int i = index.indexOf(client);
        return i < 0 ? 0 : clocks[i];
    }

    public boolean has(int client) {
        return index.indexOf(client) >= 0;
    }

    public void set(int client, int clock) {
        int i = index.indexOf(client);
        if (i < 0) {
            i = index.add(client);
            if (i == clocks.length) {
                int[] grown = new int[Math.max(4, clocks.length * 2)];
                System.arraycopy(clocks, 0, grown, 0, i);
                clocks = grown;
            }
        }
        clocks[i] = clock;
    }

    /** The clients, in the order they were first set (a copy). */
    public Set<Integer> clients() {
        return index.toSet();
    }

    public int size() {
        return index.size();
    }

    /** The client at {@code position} (0 ... size - 1, in the order clients were first set). */
    public int clientAt(int position) {
        return index.clientAt(position);
    }

    public int clockAt(int position) {
        return clocks[position];
    }

    public void write(Lib0Writer writer) {
        writer.writeVarUint(index.size());
        for (int client : index.descending()) {
            writer.writeVarUint(client);
            writer.writeVarUint(get(client));
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
        if (!(other instanceof StateVector sv) || sv.size() != size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            int j = sv.index.indexOf(clientAt(i));
            if (j < 0 || sv.clocks[j] != clocks[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0; // as Map.hashCode of client -> clock: independent of order
        for (int i = 0; i < size(); i++) {
            hash += clientAt(i) ^ clocks[i];
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < size(); i++) {
            text.append(i == 0 ? "" : ", ").append(clientAt(i)).append('=').append(clocks[i]);
        }
        return text.append('}').toString();
    }
}
