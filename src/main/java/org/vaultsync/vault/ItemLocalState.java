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
final class ItemLocalState {
    static final ItemLocalState NONE = new ItemLocalState(new ArrayList<>(), new LinkedHashSet<>());

    private final List<FieldConflict> conflicts;
    private final Set<String> unsyncedFields;

    // unmodifiable copies with the collection types the engine already ships (Set.copyOf would add Java's
    // immutable set classes to the client). A plain class, not a record: nothing compares or prints it, and a
    // record would ship a toString, equals and hashCode.
    ItemLocalState(List<FieldConflict> conflicts, Set<String> unsyncedFields) {
        this.conflicts = Collections.unmodifiableList(new ArrayList<>(conflicts));
        this.unsyncedFields = Collections.unmodifiableSet(new LinkedHashSet<>(unsyncedFields));
    }

    List<FieldConflict> conflicts() {
        return conflicts;
    }

    Set<String> unsyncedFields() {
        return unsyncedFields;
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
