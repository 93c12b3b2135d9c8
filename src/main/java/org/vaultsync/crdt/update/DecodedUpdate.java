package org.vaultsync.crdt.update;

import java.util.List;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.structs.Struct;

/** An update v1 as read from the wire: client blocks in wire order (repeats kept) and the delete set. */
public record DecodedUpdate(List<ClientBlock> blocks, DeleteSet deleteSet) {
    /** The structs of one client block, consecutive from the block's first clock. */
    public record ClientBlock(int client, List<Struct> structs) {
    }
}
