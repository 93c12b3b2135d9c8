package org.vaultsync.crdt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.structs.StructStore;
import org.vaultsync.crdt.types.GenericType;
import org.vaultsync.crdt.types.SharedType;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.crdt.types.YText;
import org.vaultsync.crdt.update.InvalidUpdateException;
import org.vaultsync.crdt.update.PendingUpdates;
import org.vaultsync.crdt.update.UpdateApplier;
import org.vaultsync.crdt.update.UpdateEncoder;

/**
 * A Yjs-compatible document: named root types, the struct store, transactions and update events. Updates are
 * Yjs update format v1; {@link #applyUpdate} either applies an update completely or rejects it without any
 * change.
 */
public final class Doc {
    private final RandomBytes random;
    /**
     * The changed keys of a type whose list part alone changed in a transaction ({@code {null}}), shared by all such
     * types and transactions and never modified: {@link Transaction#addChangedType} copies it when a map key joins.
     * Typing changes one text per transaction; this spares it a set (and its 16-slot table) each time.
     */
    final Set<String> listPartOnly = new LinkedHashSet<>();
    private final boolean gc;
    private int clientId;
    private final StructStore store = new StructStore();
    private final Map<String, SharedType> share = new LinkedHashMap<>();
    private final PendingUpdates pending = new PendingUpdates();
    private final List<UpdateListener> updateListeners = new ArrayList<>();
    private Transaction transaction;
    private final List<Transaction> cleanups = new ArrayList<>();
    /** Reused by every update event of this document (the bytes are copied out before listeners run). */
    private final Lib0Writer updateWriter = new Lib0Writer();
    /** Some type of this document has (or had) an observer: events are built only once someone may read them. */
    private boolean observed;

    /** A document with garbage collection on and a random client ID. */
    public Doc(RandomBytes random) {
        this(random, true);
    }

    /**
     * @param random secure randomness for the client ID (and a new one if another replica uses ours)
     * @param gc whether deleted content is garbage-collected, as in Yjs's {@code gc} option
     */
    public Doc(RandomBytes random, boolean gc) {
        this.random = random;
        this.gc = gc;
        this.clientId = randomClientId();
        listPartOnly.add(null);
    }

    private int randomClientId() {
        byte[] bytes = new byte[4];
        random.fill(bytes);
        return ((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
    }

    /** This replica's client ID: an unsigned 32-bit value in an int. */
    public int clientId() {
        return clientId;
    }

    /** Replaces the client ID; only sensible before the first local edit (tests, or restoring a session). */
    public void setClientId(int clientId) {
        this.clientId = clientId;
    }

    void pickNewClientId() {
        clientId = randomClientId();
    }

    public boolean gcEnabled() {
        return gc;
    }

    /**
     * Called when a type of this document gets an observer or deep observer (or is integrated with one). Until then
     * no transaction builds events: nobody could receive them. Never reset: an observer that unsubscribes costs
     * only the events built for nobody.
     */
    public void noteObserved() {
        observed = true;
    }

    boolean observed() {
        return observed;
    }

    /** The writer {@code UpdateEncoder.encodeTransaction} reuses for this document's update events. */
    public Lib0Writer updateWriter() {
        return updateWriter;
    }

    public StructStore store() {
        return store;
    }

    public PendingUpdates pending() {
        return pending;
    }

    public YMap getMap(String name) {
        return (YMap) root(name, YMap.TYPE_REF, YMap::new);
    }

    public YArray getArray(String name) {
        return (YArray) root(name, YArray.TYPE_REF, YArray::new);
    }

    public YText getText(String name) {
        return (YText) root(name, YText.TYPE_REF, YText::new);
    }

    /** Names of the root types this document has seen (asked for, or named by an update). */
    public List<String> rootNames() {
        return new ArrayList<>(share.keySet());
    }

    /** The root type called {@code name}, whatever its kind, or null if none. */
    public SharedType rootType(String name) {
        return share.get(name);
    }

    private SharedType root(String name, int typeRef, Supplier<SharedType> create) {
        SharedType existing = share.get(name);
        if (existing == null) {
            SharedType type = create.get();
            type.bindRoot(this, name);
            share.put(name, type);
            return type;
        }
        if (existing.typeRef() == typeRef) {
            existing.claim();
            return existing;
        }
        if (existing.unclaimed) {
            SharedType type = create.get();
            type.adoptContentOf(existing);
            type.bindRoot(this, name);
            share.put(name, type);
            return type;
        }
        throw new IllegalStateException("Root type \"" + name + "\" already has another type (type reference "
                + existing.typeRef() + ")");
    }

    /**
     * The root named in an update, unclaimed until the application asks for a map, an array or a text. Its kind is
     * not known yet: a root whose first item is a map entry starts as a map, so that asking for the map (the usual
     * case: a vault loaded from its stored state) takes it as it is, without re-parenting every item of every key's
     * history; any other starts as an untyped placeholder. Asking for another kind moves the items into a new type.
     */
    public SharedType rootForUpdate(String name, boolean mapEntry) {
        SharedType existing = share.get(name);
        if (existing != null) {
            return existing;
        }
        SharedType root = mapEntry ? new YMap() : new GenericType(GenericType.ROOT_PLACEHOLDER, null);
        root.unclaimed = true;
        root.bindRoot(this, name);
        share.put(name, root);
        return root;
    }

    /** Runs {@code body} in a transaction (joining the running one, if any) with no origin. */
    public void transact(Consumer<Transaction> body) {
        transact(body, null, true);
    }

    /** Runs {@code body} in a transaction whose origin update listeners and observers will see. */
    public void transact(Consumer<Transaction> body, Object origin) {
        transact(body, origin, true);
    }

    void transact(Consumer<Transaction> body, Object origin, boolean local) {
        boolean initialCall = false;
        if (transaction == null) {
            initialCall = true;
            transaction = new Transaction(this, origin, local);
            cleanups.add(transaction);
        }
        try {
            body.accept(transaction);
        } finally {
            if (initialCall) {
                boolean finishCleanup = transaction == cleanups.get(0);
                transaction = null;
                if (finishCleanup) {
                    TransactionCleanup.run(this, cleanups);
                }
            }
        }
    }

    /**
     * Applies a Yjs v1 update from another replica. Parts that depend on changes not seen yet wait (and are
     * applied when those arrive); an update already applied changes nothing.
     *
     * @throws InvalidUpdateException if the bytes are not a valid update; the document is then unchanged and no
     *     observer or update listener is called
     */
    public void applyUpdate(byte[] update) throws InvalidUpdateException {
        applyUpdate(update, null);
    }

    public void applyUpdate(byte[] update, Object origin) throws InvalidUpdateException {
        applyUpdate(UpdateApplier.decode(update), origin);
    }

    /** Applies an update decoded beforehand with {@link UpdateApplier#decode} (e.g. to read its delete set). */
    public void applyUpdate(UpdateApplier.DecodedForApply decoded, Object origin) {
        transact(t -> {
            t.markRemote();
            UpdateApplier.apply(t, decoded);
        }, origin, false);
    }

    /** Everything this document knows, as one update (including updates still waiting for dependencies). */
    public byte[] encodeStateAsUpdate() {
        return UpdateEncoder.encodeStateAsUpdate(this, null);
    }

    /**
     * What this document knows beyond {@code encodedStateVector} (a peer's {@link #encodeStateVector}).
     *
     * @throws InvalidUpdateException if the state vector cannot be decoded
     */
    public byte[] encodeStateAsUpdate(byte[] encodedStateVector) throws InvalidUpdateException {
        return UpdateEncoder.encodeStateAsUpdate(this, UpdateApplier.decodeStateVector(encodedStateVector));
    }

    public byte[] encodeStateVector() {
        return store.stateVector().encode();
    }

    /** Registers a listener for the v1 update of every transaction that changed something. */
    public Subscription onUpdate(UpdateListener listener) {
        updateListeners.add(listener);
        return () -> updateListeners.remove(listener);
    }

    void emitUpdate(Transaction finished) {
        if (updateListeners.isEmpty()) {
            return;
        }
        Object origin = finished.origin();
        List<UpdateListener> wanting = new ArrayList<>(updateListeners.size());
        for (UpdateListener listener : updateListeners) {
            if (listener.wantsUpdate(origin)) {
                wanting.add(listener);
            }
        }
        if (wanting.isEmpty()) {
            return;
        }
        byte[] update = UpdateEncoder.encodeTransaction(finished);
        if (update == null) {
            return;
        }
        for (UpdateListener listener : wanting) {
            listener.onUpdate(update, origin, finished);
        }
    }
}
