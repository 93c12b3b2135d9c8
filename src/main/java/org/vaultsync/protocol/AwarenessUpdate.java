package org.vaultsync.protocol;

import java.util.ArrayList;
import java.util.List;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;

/**
 * A y-protocols awareness update: {@code varUint n} then n × ({@code varUint clientID}, {@code varUint clock},
 * {@code varString JSON.stringify(state)}), where the JSON text {@code null} removes the client.
 */
public final class AwarenessUpdate {
    /** One client's state; {@code stateJson} is the JSON text exactly as it travels. */
    public record Entry(int clientId, int clock, String stateJson) {
        public boolean isRemoval() {
            return "null".equals(stateJson);
        }
    }

    private AwarenessUpdate() {
    }

    public static byte[] encode(List<Entry> entries) {
        Lib0Writer out = new Lib0Writer();
        out.writeVarUint(entries.size());
        for (Entry entry : entries) {
            out.writeVarUint(entry.clientId());
            out.writeVarUint(entry.clock());
            out.writeVarString(entry.stateJson());
        }
        return out.toByteArray();
    }

    public static List<Entry> decode(byte[] update) throws ProtocolException {
        try {
            Lib0Reader in = new Lib0Reader(update);
            int count = in.readCount(3);
            List<Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int clientId = in.readVarUint32();
                int clock = in.readVarUintAsInt();
                entries.add(new Entry(clientId, clock, in.readVarString()));
            }
            return entries;
        } catch (DecodingException e) {
            throw new ProtocolException("Malformed awareness update: " + e.getMessage());
        }
    }
}
