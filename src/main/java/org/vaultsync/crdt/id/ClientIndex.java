package org.vaultsync.crdt.id;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Client IDs in insertion order, each with its position (0, 1, ...), for tables keyed by client that hold their
 * values in parallel arrays. A {@code Map<Integer, ...>} boxes every ID above 127 and allocates an entry per
 * client; after TeaVM that allocation per transaction was a large part of an edit's cost. A few clients (the usual
 * case) are found by a linear scan; beyond {@value #SCAN_LIMIT} an open-addressing table takes over.
 */
public final class ClientIndex {
    private static final int SCAN_LIMIT = 8;
    /**
     * Shared by every index (and state vector's clocks) until its first client: most delete sets read from updates
     * stay empty.
     */
    static final int[] NONE = new int[0];

    private int[] clients = NONE;
    private int size;
    /** position + 1 per slot, 0 = empty; null while a scan is enough */
    private int[] slots;

    public int size() {
        return size;
    }

    public int clientAt(int position) {
        return clients[position];
    }

    /** The position of {@code client}, or -1. */
    public int indexOf(int client) {
        if (slots == null) {
            for (int i = 0; i < size; i++) {
                if (clients[i] == client) {
                    return i;
                }
            }
            return -1;
        }
        int mask = slots.length - 1;
        for (int slot = hash(client) & mask;; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (clients[entry - 1] == client) {
                return entry - 1;
            }
        }
    }

    /** Appends {@code client}, which must not be present yet; returns its position. */
    public int add(int client) {
        if (size == clients.length) {
            clients = Arrays.copyOf(clients, Math.max(4, size * 2));
        }
        int position = size++;
        clients[position] = client;
        if (slots != null && size * 2 <= slots.length) {
            place(position);
        } else if (size > SCAN_LIMIT) {
            slots = new int[Integer.highestOneBit(size) * 4];
            for (int i = 0; i < size; i++) {
                place(i);
            }
        }
        return position;
    }

    /** The clients as a new set, in the order they were added. */
    public Set<Integer> toSet() {
        Set<Integer> set = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
            set.add(clients[i]);
        }
        return set;
    }

    /** The clients sorted as Yjs writes them: descending, as unsigned 32-bit values. */
    public int[] descending() {
        int[] sorted = new int[size];
        if (size == 1) {
            sorted[0] = clients[0]; // the usual case; TeaVM's Arrays.sort allocates even for one element
            return sorted;
        }
        for (int i = 0; i < size; i++) {
            sorted[i] = ~(clients[i] ^ Integer.MIN_VALUE); // ascending signed order of this = descending unsigned
        }
        IntSort.sort(sorted);
        for (int i = 0; i < size; i++) {
            sorted[i] = ~sorted[i] ^ Integer.MIN_VALUE;
        }
        return sorted;
    }

    private void place(int position) {
        int mask = slots.length - 1;
        int slot = hash(clients[position]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = position + 1;
    }

    private static int hash(int client) {
        int h = client * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
