package org.vaultsync.crdt.types;

import java.util.ArrayList;
import java.util.List;
import org.vaultsync.crdt.structs.Item;

/**
 * The positional index of a list or text: up to {@value #MAX} remembered positions ("search markers", as Yjs calls
 * them), each an item and the number of visible units before it. A lookup walks from the closest marker instead of
 * the start, and local edits shift the markers instead of dropping them, so an edit near any recently used position
 * costs a short walk.
 *
 * <p>The markers follow Yjs's rules step by step (which marker is closest, when one is moved rather than a new one
 * made, the oldest one replaced, the item flag that keeps two markers off one item). For lists and plain text the
 * result of a lookup does not depend on the markers; for a text whose formatting arrived before the application
 * asked for it, Yjs's lookup does depend on them (it starts with no known attributes at the marker), so keeping the
 * same markers as Yjs keeps every emitted byte the same.
 */
final class SearchMarkers {
    static final int MAX = 80;
    /** Yjs's global marker clock: only the order of timestamps within one type matters. */
    private static double clock;

    /** A remembered position: {@code index} visible units lie before {@code item}. */
    static final class Marker {
        Item item;
        int index;
        double timestamp;

        Marker(Item item, int index) {
            item.marker = true;
            this.item = item;
            this.index = index;
            this.timestamp = clock++;
        }

        void moveTo(Item target, int at) {
            item.marker = false;
            item = target;
            target.marker = true;
            index = at;
            timestamp = clock++;
        }
    }

    private final List<Marker> markers = new ArrayList<>();

    /** Forgets every marker (the items keep their flag, as in Yjs). */
    void clear() {
        markers.clear();
    }

    /**
     * A marker at or near {@code index}, moved or created there: its item is where a walk to {@code index} may
     * start. Null for index 0 or an empty list.
     */
    Marker find(SharedType type, int index) {
        if (type.start == null || index == 0) {
            return null;
        }
        Marker closest = closest(index);
        Item p = type.start;
        int pindex = 0;
        if (closest != null) {
            p = closest.item;
            pindex = closest.index;
            closest.timestamp = clock++;
        }
        while (p.right != null && pindex < index) {
            if (!p.isDeleted() && p.countable()) {
                if (index < pindex + p.length) {
                    break;
                }
                pindex += p.length;
            }
            p = p.right;
        }
        while (p.left != null && pindex > index) {
            p = p.left;
            if (!p.isDeleted() && p.countable()) {
                pindex -= p.length;
            }
        }
        // never mark an item that may still merge into its left neighbour
        while (p.left != null && p.left.client == p.client && p.left.clock + p.left.length == p.clock) {
            p = p.left;
            if (!p.isDeleted() && p.countable()) {
                pindex -= p.length;
            }
        }
        if (closest != null && Math.abs(closest.index - pindex) < (double) p.parent.length / MAX) {
            closest.moveTo(p, pindex);
            return closest;
        }
        return mark(p, pindex);
    }

    private Marker mark(Item p, int index) {
        if (markers.size() >= MAX) {
            Marker oldest = markers.get(0);
            for (Marker m : markers) {
                if (m.timestamp < oldest.timestamp) {
                    oldest = m;
                }
            }
            oldest.moveTo(p, index);
            return oldest;
        }
        Marker created = new Marker(p, index);
        markers.add(created);
        return created;
    }

    /** The marker closest to {@code index}, without moving or refreshing anything; null if there is none. */
    Marker closest(int index) {
        Marker closest = null;
        for (Marker m : markers) {
            if (closest == null || Math.abs(index - closest.index) >= Math.abs(index - m.index)) {
                closest = m;
            }
        }
        return closest;
    }

    /** The marker with the highest index (where a push starts walking to the end), or null. */
    Marker last() {
        Marker best = null;
        for (Marker m : markers) {
            if (m.index > (best == null ? 0 : best.index)) {
                best = m;
            }
        }
        return best;
    }

    /**
     * Shifts the markers after {@code len} units were inserted (positive) or deleted (negative) at {@code index}.
     * Before an insertion, a marker on a deleted or uncountable item first moves left onto a visible one.
     */
    void update(int index, int len) {
        for (int i = markers.size() - 1; i >= 0; i--) {
            Marker m = markers.get(i);
            if (len > 0) {
                Item p = m.item;
                p.marker = false;
                while (p != null && (p.isDeleted() || !p.countable())) {
                    p = p.left;
                    if (p != null && !p.isDeleted() && p.countable()) {
                        m.index -= p.length;
                    }
                }
                if (p == null || p.marker) {
                    markers.remove(i);
                    continue;
                }
                m.item = p;
                p.marker = true;
            }
            if (index < m.index || (len > 0 && index == m.index)) {
                m.index = Math.max(index, m.index + len);
            }
        }
    }

    /** {@code right} merged into {@code left}: markers on it now point at {@code left}. */
    void merged(Item left, Item right) {
        for (Marker m : markers) {
            if (m.item == right) {
                m.item = left;
                if (!left.isDeleted() && left.countable()) {
                    m.index -= left.length;
                }
            }
        }
    }
}
