package org.vaultsync.presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;
import org.vaultsync.protocol.AwarenessUpdate;
import org.vaultsync.protocol.ProtocolException;
import org.vaultsync.common.Cancellable;
import org.vaultsync.common.Scheduler;

/**
 * Ephemeral per-client state (who is here, what they look at), compatible with y-protocols' Awareness: each client
 * owns one JSON state with a clock; higher clocks win; a {@code null} state removes the client; the local state is
 * renewed every 15 s and remote states not renewed for 30 s are dropped. Unlike y-protocols, a malformed update is
 * rejected as a whole instead of being applied half-way.
 */
public final class Awareness {
    public static final long OUTDATED_TIMEOUT_MILLIS = 30_000;
    public static final long CHECK_INTERVAL_MILLIS = OUTDATED_TIMEOUT_MILLIS / 10;
    private static final int MAX_STATE_DEPTH = 32;

    /** A plain class, not a record: nothing compares or prints it, and a record ships a toString, equals, hashCode. */
    private static final class Meta {
        final int clock;
        final long lastUpdated;

        Meta(int clock, long lastUpdated) {
            this.clock = clock;
            this.lastUpdated = lastUpdated;
        }
    }

    private final int clientId;
    private final Scheduler scheduler;
    private final Map<Integer, Object> states = new LinkedHashMap<>();
    private final Map<Integer, Meta> meta = new LinkedHashMap<>();
    private final List<BiConsumer<AwarenessChange, Object>> listeners = new ArrayList<>();
    private Cancellable checkTimer;
    private boolean destroyed;

    /** Starts with the empty local state {@code {}}, as y-protocols does, and starts the renewal/timeout timer. */
    public Awareness(int clientId, Scheduler scheduler) {
        this.clientId = clientId;
        this.scheduler = scheduler;
        setLocalState(new LinkedHashMap<>());
        scheduleCheck();
    }

    public int clientId() {
        return clientId;
    }

    /** Called with every update (local or remote, including pure clock renewals) and its origin. */
    public void addListener(BiConsumer<AwarenessChange, Object> listener) {
        listeners.add(listener);
    }

    public void removeListener(BiConsumer<AwarenessChange, Object> listener) {
        listeners.remove(listener);
    }

    public Object getLocalState() {
        return states.get(clientId);
    }

    /** Known states by client id (unsigned 32-bit values held in {@code int}). */
    public Map<Integer, Object> getStates() {
        return Collections.unmodifiableMap(states);
    }

    /** Replaces the local state; {@code null} marks this client as gone (sent to peers on leave). */
    public void setLocalState(Object state) {
        state = asJsonValue(state);
        Meta current = meta.get(clientId);
        int clock = current == null ? 0 : current.clock + 1;
        Object previous = states.get(clientId);
        if (state == null) {
            states.remove(clientId);
        } else {
            states.put(clientId, state);
        }
        meta.put(clientId, new Meta(clock, scheduler.now()));
        List<Integer> self = List.of(clientId);
        if (state == null) {
            emit(new AwarenessChange(List.of(), List.of(), self, previous != null), "local");
        } else if (previous == null) {
            emit(new AwarenessChange(self, List.of(), List.of(), true), "local");
        } else {
            emit(new AwarenessChange(List.of(), self, List.of(), !previous.equals(state)), "local");
        }
    }

    /** Sets one top-level field of the local state (e.g. {@code user}), keeping the others. */
    @SuppressWarnings("unchecked")
    public void setLocalStateField(String field, Object value) {
        Object state = getLocalState();
        if (state instanceof Map<?, ?> map) {
            Map<String, Object> next = new LinkedHashMap<>((Map<String, Object>) map);
            next.put(field, value);
            setLocalState(next);
        }
    }

    /** Encodes the current entries of {@code clients} (removed ones as {@code null}) for sending. */
    public byte[] encodeUpdate(Collection<Integer> clients) {
        List<AwarenessUpdate.Entry> entries = new ArrayList<>();
        for (Integer client : clients) {
            Meta m = meta.get(client);
            if (m == null) {
                continue;
            }
            entries.add(new AwarenessUpdate.Entry(client, m.clock, stringify(states.get(client))));
        }
        return AwarenessUpdate.encode(entries);
    }

    /** Encodes every known state: the answer to a query and what a new connection receives. */
    public byte[] encodeAllStates() {
        return encodeUpdate(new ArrayList<>(states.keySet()));
    }

    public void applyUpdate(byte[] update, Object origin) throws ProtocolException {
        List<AwarenessUpdate.Entry> entries = AwarenessUpdate.decode(update);
        List<Object> parsed = new ArrayList<>(entries.size());
        for (AwarenessUpdate.Entry entry : entries) {
            try {
                parsed.add(Json.parse(entry.stateJson(), MAX_STATE_DEPTH));
            } catch (JsonException e) {
                throw new ProtocolException("Awareness state is not JSON: " + e.getMessage());
            }
        }
        long now = scheduler.now();
        List<Integer> added = new ArrayList<>();
        List<Integer> updated = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < entries.size(); i++) {
            int client = entries.get(i).clientId();
            int clock = entries.get(i).clock();
            Object state = parsed.get(i);
            Meta known = meta.get(client);
            Object previous = states.get(client);
            int currentClock = known == null ? 0 : known.clock;
            boolean newer = currentClock < clock;
            boolean sameClockRemoval = currentClock == clock && state == null && states.containsKey(client);
            if (!newer && !sameClockRemoval) {
                continue;
            }
            if (state == null) {
                if (client == clientId && getLocalState() != null) {
                    // a peer thinks we left: we did not, so outbid its removal with a higher clock
                    clock++;
                } else {
                    states.remove(client);
                }
            } else {
                states.put(client, state);
            }
            meta.put(client, new Meta(clock, now));
            if (known == null && state != null) {
                added.add(client);
                changed = true;
            } else if (known != null && state == null) {
                removed.add(client);
                changed |= previous != null;
            } else if (state != null) {
                updated.add(client);
                changed |= !state.equals(previous);
            }
        }
        if (!added.isEmpty() || !updated.isEmpty() || !removed.isEmpty()) {
            emit(new AwarenessChange(added, updated, removed, changed), origin);
        }
    }

    /** Drops the given clients' states (e.g. on timeout); removing our own state bumps our clock. */
    public void removeStates(Collection<Integer> clients, Object origin) {
        List<Integer> removed = new ArrayList<>();
        for (Integer client : clients) {
            if (states.containsKey(client)) {
                states.remove(client);
                if (client == clientId) {
                    meta.put(client, new Meta(meta.get(client).clock + 1, scheduler.now()));
                }
                removed.add(client);
            }
        }
        if (!removed.isEmpty()) {
            emit(new AwarenessChange(List.of(), List.of(), removed, true), origin);
        }
    }

    /** Stops the timer and withdraws the local state (listeners see the removal, so peers learn we left). */
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        if (checkTimer != null) {
            checkTimer.cancel();
        }
        if (getLocalState() != null) {
            setLocalState(null);
        }
    }

    private void scheduleCheck() {
        checkTimer = scheduler.schedule(CHECK_INTERVAL_MILLIS, () -> {
            if (destroyed) {
                return;
            }
            check();
            scheduleCheck();
        });
    }

    private void check() {
        long now = scheduler.now();
        Object local = getLocalState();
        if (local != null && OUTDATED_TIMEOUT_MILLIS / 2 <= now - meta.get(clientId).lastUpdated) {
            setLocalState(local);
        }
        List<Integer> outdated = new ArrayList<>();
        for (Map.Entry<Integer, Meta> entry : meta.entrySet()) {
            int client = entry.getKey();
            if (client != clientId && OUTDATED_TIMEOUT_MILLIS <= now - entry.getValue().lastUpdated
                    && states.containsKey(client)) {
                outdated.add(client);
            }
        }
        if (!outdated.isEmpty()) {
            removeStates(outdated, "timeout");
        }
    }

    private void emit(AwarenessChange change, Object origin) {
        for (BiConsumer<AwarenessChange, Object> listener : new ArrayList<>(listeners)) {
            listener.accept(change, origin);
        }
    }

    /**
     * A deep copy as JSON would deliver it (numbers as Double, maps insertion-ordered), so local and remote states
     * compare alike and callers cannot change a state behind our back.
     */
    private static Object asJsonValue(Object state) {
        try {
            return state == null ? null : Json.parse(Json.stringify(state), MAX_STATE_DEPTH);
        } catch (JsonException e) {
            throw new IllegalArgumentException("awareness state is not JSON: " + e.getMessage(), e);
        }
    }

    private static String stringify(Object state) {
        try {
            return Json.stringify(state);
        } catch (JsonException e) {
            throw new IllegalArgumentException("awareness state is not JSON: " + e.getMessage(), e);
        }
    }
}
