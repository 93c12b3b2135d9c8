package org.vaultsync.sync.sim;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.vaultsync.crdt.Canonical;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.RandomEdits;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.protocol.ProtocolException;
import org.vaultsync.sync.YDocSyncDocument;

/** The real Yjs-compatible engine under random map/array edits, for convergence runs of the full stack. */
public final class YSimDocument implements SimDocument {
    public final Doc doc;
    public final YDocSyncDocument sync;

    public YSimDocument(int clientId, long seed) {
        doc = new Doc(new Random(seed)::nextBytes);
        doc.setClientId(clientId);
        RandomEdits.openRoots(doc);
        sync = new YDocSyncDocument(doc);
    }

    @Override
    public void randomEdit(Random random, int size) {
        doc.transact(t -> {
            for (int i = 0; i < 1 + size / 100; i++) {
                RandomEdits.editOnce(random, doc);
            }
        });
    }

    @Override
    public String fingerprint() {
        StateVector sv = doc.store().stateVector();
        TreeMap<String, Integer> clocks = new TreeMap<>();
        for (Integer client : sv.clients()) {
            clocks.put(Integer.toUnsignedString(client), sv.get(client));
        }
        // the delete set too (sorted and merged it is the same on converged replicas): a replica that missed a
        // deletion of content no longer visible, or of text, differs
        return clocks + Canonical.json(doc.getMap("m").toJSON()) + Canonical.json(doc.getArray("a").toJSON())
                + doc.getText("t").toString() + deletions();
    }

    private String deletions() {
        org.vaultsync.crdt.id.DeleteSet ds = doc.store().deleteSet();
        TreeMap<String, String> byClient = new TreeMap<>();
        for (int client : ds.clients()) {
            byClient.put(Integer.toUnsignedString(client), ds.ranges(client).toString());
        }
        return byClient.toString();
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
    public boolean confirmsReceivedUpdates() {
        return sync.confirmsReceivedUpdates();
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
}
