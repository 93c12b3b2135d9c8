package org.vaultsync.crdt.id;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Yjs writes client blocks, delete-set entries and state vectors in descending (unsigned) client order. */
public final class ClientOrder {
    private ClientOrder() {
    }

    public static List<Integer> descending(Collection<Integer> clients) {
        List<Integer> sorted = new ArrayList<>(clients);
        sorted.sort((a, b) -> Integer.compareUnsigned(b, a));
        return sorted;
    }

    public static List<Integer> ascending(Collection<Integer> clients) {
        List<Integer> sorted = new ArrayList<>(clients);
        sorted.sort(Integer::compareUnsigned);
        return sorted;
    }
}
