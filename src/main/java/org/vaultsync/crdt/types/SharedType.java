package org.vaultsync.crdt.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Subscription;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.structs.Item;

/**
 * What every shared type has: a list of items ({@link #start}, linked by {@code right}), a chain of values per map
 * key ({@link #map} points at each chain's rightmost item), the visible list length, and observers. A root type
 * has a name and no item; a nested type is held by the item whose content is its {@code ContentType}.
 */
public abstract class SharedType {
    /**
     * Deepest nesting of types we build. Deleting, collecting and reading types recurse once per level, so an
     * update nesting thousands of types could exhaust the stack; deeper nested types are integrated as garbage
     * (their clocks are kept, their content dropped) and local inserts beyond it are refused.
     */
    public static final int MAX_NESTING = 128;
    /** The item holding this type, or null for a root type. */
    public Item item;
    public Item start;
    /** Not final: a typed root takes over its placeholder's map ({@link #adoptContentOf}). */
    public Map<String, Item> map = new LinkedHashMap<>();
    /** Number of visible (countable, not deleted) list units. */
    public int length;
    protected Doc doc;
    private String rootName;
    /** A root an update created before the application asked for it by kind ({@code Doc.rootForUpdate}). */
    public boolean unclaimed;
    /** A formatting marker was integrated here since this object was created (Yjs's {@code _hasFormatting}). */
    private boolean formatted;
    private int depth;
    /**
     * The positional index for local list access; null for kinds without one (maps, XML) and, as in Yjs, from the
     * moment a formatting marker is integrated (formatted text is walked from its start to know the attributes).
     */
    SearchMarkers markers;
    private final List<Consumer<YEvent>> observers = new ArrayList<>();
    private final List<Consumer<List<YEvent>>> deepObservers = new ArrayList<>();

    /** The wire reference of this kind of type (0 array, 1 map, 2 text, 3-6 XML kinds). */
    public abstract int typeRef();

    public void writeTypeRef(Lib0Writer writer) {
        writer.writeVarUint(typeRef());
    }

    /** A new, empty, unattached type of the same kind (and name, for named XML kinds). */
    public abstract SharedType copyEmpty();

    /** The JSON form of the content: maps become objects, arrays become lists, nested types recursively. */
    public abstract Object toJSON();

    /** The document this type belongs to, or null while it is not yet inserted anywhere. */
    public Doc doc() {
        return doc;
    }

    public String rootName() {
        return rootName;
    }

    /** Called when the type becomes part of a document: as a root, or by integrating the item holding it. */
    public void integrate(Doc owner, Item holder) {
        this.doc = owner;
        this.item = holder;
        this.depth = holder == null ? 0 : holder.parent.depth + 1;
        if (owner != null && (!observers.isEmpty() || !deepObservers.isEmpty())) {
            owner.noteObserved();
        }
    }

    /** 0 for a root type, 1 for a type inside a root, and so on. */
    public int depth() {
        return depth;
    }

    public void bindRoot(Doc owner, String name) {
        this.rootName = name;
        integrate(owner, null);
    }

    /**
     * Moves the items of a placeholder root (created by an update before the application asked for a type) into
     * this new, empty type. The key map is taken over, not copied, as Yjs does: copying the 5,000 keys of a loaded
     * vault was most of the first {@code getMap(...).toJSON()} after a load (in Chromium, 20 of 29 ms).
     */
    public void adoptContentOf(SharedType placeholder) {
        start = placeholder.start;
        length = placeholder.length;
        map = placeholder.map; // the placeholder is dropped from the document's roots right after
        // like Yjs, the typed root starts without the placeholder's formatting flag and with an empty index
        observers.addAll(placeholder.observers);
        deepObservers.addAll(placeholder.deepObservers);
        for (Item n = start; n != null; n = n.right) {
            n.parent = this;
        }
        for (Item chainEnd : map.values()) {
            for (Item n = chainEnd; n != null; n = n.left) {
                n.parent = this;
            }
        }
    }

    /**
     * The application asked for this root as the kind it already is. Like a type taking over a placeholder, it starts
     * without the formatting flag the placeholder may have had (Yjs's new type has none).
     */
    public void claim() {
        if (unclaimed) {
            unclaimed = false;
            formatted = false;
        }
    }

    /** Drops the positional index (its markers may no longer match the list); it fills again on local access. */
    public void clearSearchMarkers() {
        if (markers != null) {
            markers.clear();
        }
    }

    /** Keeps the positional index right when {@code right} merges into {@code left}. */
    public void itemMerged(Item left, Item right) {
        if (markers != null) {
            markers.merged(left, right);
        }
    }

    /** A formatting marker was integrated into this type: from now on it is cleaned up and walked without index. */
    public void markFormatted() {
        formatted = true;
        markers = null;
    }

    public boolean isFormatted() {
        return formatted;
    }

    /**
     * Called once per transaction that changed this type, before its event is created. A remote change may have
     * moved any position, so the index is dropped (exactly when Yjs drops it).
     */
    public void beforeObservers(Transaction transaction) {
        if (!transaction.isLocal()) {
            clearSearchMarkers();
        }
    }

    public boolean isDeleted() {
        return item != null && item.isDeleted();
    }

    /** The event describing this type's changes in a transaction; {@code keys} holds changed map keys (null = list). */
    public YEvent createEvent(Transaction transaction, Set<String> keys) {
        return new YEvent(this, transaction, keys);
    }

    /** Calls {@code listener} after every transaction that changed this type (not its children). */
    public Subscription observe(Consumer<YEvent> listener) {
        observers.add(listener);
        if (doc != null) {
            doc.noteObserved();
        }
        return () -> observers.remove(listener);
    }

    /** Calls {@code listener} with the events of this type and all nested types after every transaction. */
    public Subscription observeDeep(Consumer<List<YEvent>> listener) {
        deepObservers.add(listener);
        if (doc != null) {
            doc.noteObserved();
        }
        return () -> deepObservers.remove(listener);
    }

    public boolean hasDeepObservers() {
        return !deepObservers.isEmpty();
    }

    public void callObservers(YEvent event) {
        for (Consumer<YEvent> observer : new ArrayList<>(observers)) {
            observer.accept(event);
        }
    }

    public void callDeepObservers(List<YEvent> events) {
        for (Consumer<List<YEvent>> observer : new ArrayList<>(deepObservers)) {
            observer.accept(events);
        }
    }

    /** The visible values of the list part, in order. */
    protected List<Object> listValues() {
        List<Object> values = new ArrayList<>(length);
        for (Item n = start; n != null; n = n.right) {
            if (n.countable() && !n.isDeleted()) {
                values.addAll(n.content.values());
            }
        }
        return values;
    }

    protected static Object jsonOf(Object value) {
        return value instanceof SharedType type ? type.toJSON() : value;
    }

}
