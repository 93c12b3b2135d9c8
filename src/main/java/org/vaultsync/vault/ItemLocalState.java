package org.vaultsync.vault;

import java.util.List;
import java.util.Set;

/**
 * What the vault keeps about a shared item beside its fields, on this device only (stored in the item's record,
 * never in a room or an export file): the open conflicts, and the fields the player changed that no peer has
 * confirmed yet ({@code unsyncedFields}, "name" for the name). The latter tell, when a room's document has to be
 * rebuilt from peers (after "forget this room's data"), which of the room's values are newer than ours.
 */
record ItemLocalState(List<FieldConflict> conflicts, Set<String> unsyncedFields) {
    static final ItemLocalState NONE = new ItemLocalState(List.of(), Set.of());

    ItemLocalState {
        conflicts = List.copyOf(conflicts);
        unsyncedFields = Set.copyOf(unsyncedFields);
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
}
