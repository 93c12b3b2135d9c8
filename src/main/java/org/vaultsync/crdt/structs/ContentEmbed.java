package org.vaultsync.crdt.structs;

import java.util.Collections;
import java.util.List;
import org.vaultsync.crdt.encoding.Lib0Writer;

/** A rich-text embed (an object inside a text), stored as JSON text on the wire. */
public final class ContentEmbed extends SingleUnitContent {
    public static final int REF = 5;
    private final Object embed;

    public ContentEmbed(Object embed) {
        this.embed = embed;
    }

    @Override
    public int ref() {
        return REF;
    }

    @Override
    public List<Object> values() {
        return Collections.singletonList(embed);
    }

    @Override
    public void write(Lib0Writer writer, int offset) {
        writer.writeVarString(ContentJson.stringify(embed));
    }

    @Override
    public Content copy() {
        return new ContentEmbed(embed);
    }
}
