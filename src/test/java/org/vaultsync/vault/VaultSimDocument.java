package org.vaultsync.vault;

import java.util.Random;
import org.vaultsync.crdt.Canonical;
import org.vaultsync.sync.sim.EngineSimDocument;

/** A room document holding {@code vault-items}, for simulated rooms; its fingerprint is the shared vault's content. */
final class VaultSimDocument extends EngineSimDocument {
    VaultSimDocument(int clientId, long seed) {
        super(clientId, seed);
    }

    @Override
    public void randomEdit(Random random, int size) {
        throw new UnsupportedOperationException("vault players edit through their vaults");
    }

    @Override
    public String fingerprint() {
        return clocks() + Canonical.json(doc.getMap(ItemLayout.ROOT).toJSON());
    }
}
