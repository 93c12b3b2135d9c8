package org.vaultsync.sync;

import java.util.ArrayList;
import java.util.List;

/** Fan-out of {@link SyncEvent}s; a listener added or removed while an event is delivered takes effect next time. */
public final class SyncEvents {
    private final List<SyncEventListener> listeners = new ArrayList<>();

    public void add(SyncEventListener listener) {
        listeners.add(listener);
    }

    public void remove(SyncEventListener listener) {
        listeners.remove(listener);
    }

    public void emit(SyncEvent event) {
        for (SyncEventListener listener : new ArrayList<>(listeners)) {
            listener.onEvent(event);
        }
    }
}
