package org.vaultsync.crdt.update;

import java.util.List;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.structs.Struct;

/**
 * An update v1 as read from the wire: client blocks in wire order (repeats kept) and the delete set. Plain classes,
 * not records: nothing compares them, and a record brings its generated {@code equals} into the browser build.
 */
public final class DecodedUpdate {
    private final List<ClientBlock> blocks;
    private final DeleteSet deleteSet;

    public DecodedUpdate(List<ClientBlock> blocks, DeleteSet deleteSet) {
        this.blocks = blocks;
        this.deleteSet = deleteSet;
    }

    public List<ClientBlock> blocks() {
        return blocks;
    }

    public DeleteSet deleteSet() {
        return deleteSet;
    }

    /** The structs of one client block, consecutive from the block's first clock. */
    public static final class ClientBlock {
        private final int client;
        private final List<Struct> structs;

        public ClientBlock(int client, List<Struct> structs) {
            this.client = client;
            this.structs = structs;
        }

        public int client() {
            return client;
        }

        public List<Struct> structs() {
            return structs;
        }
    }
}
