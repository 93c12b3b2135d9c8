package org.vaultsync.sync.sim;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.protocol.ProtocolException;
import org.vaultsync.sync.YDocSyncDocument;

/**
 * A simulated peer's document on the real Yjs-compatible engine: every {@link org.vaultsync.sync.SyncDocument} call
 * goes to the {@link YDocSyncDocument} the app uses, the optional ones included (a wrapper that forgot one would
 * silently test something else than the app runs).
 */
public abstract class EngineSimDocument implements SimDocument {
    public final Doc doc;
    public final YDocSyncDocument sync;

    protected EngineSimDocument(int clientId, long seed) {
        doc = new Doc(new Random(seed)::nextBytes);
        doc.setClientId(clientId);
        sync = new YDocSyncDocument(doc);
    }

    /** The state vector with unsigned client ids in order: the first part of a fingerprint. */
    protected String clocks() {
        StateVector sv = doc.store().stateVector();
        TreeMap<String, Integer> clocks = new TreeMap<>();
        for (Integer client : sv.clients()) {
            clocks.put(Integer.toUnsignedString(client), sv.get(client));
        }
        return clocks.toString();
    }

    @Override
    public int editCount() {
        return -1;
    }

    @Override
    public byte[] encodeStateVector() {
        return sync.encodeStateVector();
    }

    @Override
    public List<byte[]> encodeMissing(byte[] remoteStateVector, int maxBytes) throws ProtocolException {
        return sync.encodeMissing(remoteStateVector, maxBytes);
    }

    @Override
    public List<byte[]> encodeMissing(byte[] remoteStateVector, PeerHoldings holdings, int maxBytes)
            throws ProtocolException {
        return sync.encodeMissing(remoteStateVector, holdings, maxBytes);
    }

    @Override
    public PeerHoldings newPeerHoldings() {
        return sync.newPeerHoldings();
    }

    @Override
    public List<byte[]> split(byte[] update, int maxBytes) throws ProtocolException {
        return sync.split(update, maxBytes);
    }

    @Override
    public void applyUpdate(byte[] update, Object origin) throws ProtocolException {
        sync.applyUpdate(update, origin);
    }

    @Override
    public boolean hasMissingDependencies() {
        return sync.hasMissingDependencies();
    }

    @Override
    public void addUpdateListener(UpdateListener listener) {
        sync.addUpdateListener(listener);
    }

    @Override
    public void removeUpdateListener(UpdateListener listener) {
        sync.removeUpdateListener(listener);
    }

    @Override
    public void remoteStateVector(byte[] stateVector, Object origin) {
        sync.remoteStateVector(stateVector, origin);
    }

    @Override
    public boolean confirmsReceivedUpdates() {
        return sync.confirmsReceivedUpdates();
    }
}
