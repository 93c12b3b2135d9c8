package org.vaultsync.vault;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.vaultsync.crdt.Canonical;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.protocol.ProtocolException;
import org.vaultsync.sync.YDocSyncDocument;
import org.vaultsync.sync.sim.SimDocument;

/** A room document holding {@code vault-items}, for simulated rooms; its fingerprint is the shared vault's content. */
final class VaultSimDocument implements SimDocument {
    final Doc doc;
    final YDocSyncDocument sync;

    VaultSimDocument(int clientId, long seed) {
        doc = new Doc(new Random(seed)::nextBytes);
        doc.setClientId(clientId);
        sync = new YDocSyncDocument(doc);
    }

    @Override
    public void randomEdit(Random random, int size) {
        throw new UnsupportedOperationException("vault players edit through their vaults");
    }

    @Override
    public String fingerprint() {
        StateVector sv = doc.store().stateVector();
        TreeMap<String, Integer> clocks = new TreeMap<>();
        for (Integer client : sv.clients()) {
            clocks.put(Integer.toUnsignedString(client), sv.get(client));
        }
        return clocks + Canonical.json(doc.getMap(ItemLayout.ROOT).toJSON());
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
