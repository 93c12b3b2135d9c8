package org.vaultsync.sync.sim;

import java.util.Random;
import java.util.TreeMap;
import org.vaultsync.crdt.Canonical;
import org.vaultsync.crdt.RandomEdits;
import org.vaultsync.crdt.id.DeleteSet;

/** The real Yjs-compatible engine under random map/array/text edits, for convergence runs of the full stack. */
public final class YSimDocument extends EngineSimDocument {
    public YSimDocument(int clientId, long seed) {
        super(clientId, seed);
        RandomEdits.openRoots(doc);
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
        // the delete set too (sorted and merged it is the same on converged replicas): a replica that missed a
        // deletion of content no longer visible, or of text, differs
        return clocks() + Canonical.json(doc.getMap("m").toJSON()) + Canonical.json(doc.getArray("a").toJSON())
                + doc.getText("t").toString() + deletions();
    }

    private String deletions() {
        DeleteSet ds = doc.store().deleteSet();
        TreeMap<String, String> byClient = new TreeMap<>();
        for (int client : ds.clients()) {
            byClient.put(Integer.toUnsignedString(client), ds.ranges(client).toString());
        }
        return byClient.toString();
    }
}
