package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the vault keeps about a shared item beside its fields, on this device only (stored in the item's record,
 * never in a room or an export file): the open conflicts, and the fields the player changed that no peer has
 * confirmed yet ({@code unsyncedFields}, "name" for the name). The latter tell, when a room's document has to be
 * rebuilt from peers (after "forget this room's data"), which of the room's values are newer than ours.
 */
record ItemLocalState(List<FieldConflict> conflicts, Set<String> unsyncedFields) {
    static final ItemLocalState NONE = new ItemLocalState(new ArrayList<>(), new LinkedHashSet<>());

    // unmodifiable copies with the collection types the engine already ships (Set.copyOf would add Java's
    // immutable set classes to the client for this one record)
    ItemLocalState {
        conflicts = Collections.unmodifiableList(new ArrayList<>(conflicts));
        unsyncedFields = Collections.unmodifiableSet(new LinkedHashSet<>(unsyncedFields));
    }

    boolean isEmpty() {
        return conflicts.isEmpty() && unsyncedFields.isEmpty();
    }

    ItemLocalState withConflicts(List<FieldConflict> open) {
        return new ItemLocalState(open, unsyncedFields);
    }

    ItemLocalState withUnsyncedFields(Set<String> fields) {
        return new ItemLocalState(conflicts, fields);
    }

    /** The same conflicts, no field waiting for a peer. */
    ItemLocalState allSynced() {
        return withUnsyncedFields(NONE.unsyncedFields);
    }
}
