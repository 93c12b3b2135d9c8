package org.vaultsync.server.signaling;

import java.util.concurrent.ConcurrentHashMap;

/** Open connections per client address; an address with none left is removed so the map cannot grow without bound. */
final class AddressCounter {
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    private final int limit;

    AddressCounter(int limit) {
        this.limit = limit;
    }

    boolean hasRoom(String address) {
        return open.getOrDefault(address, 0) < limit;
    }

    boolean tryAcquire(String address) {
        boolean[] acquired = {false};
        open.compute(address, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limit) {
                return count;
            }
            acquired[0] = true;
            return current + 1;
        });
        return acquired[0];
    }

    void release(String address) {
        open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }
}
