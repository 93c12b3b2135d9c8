package org.vaultsync.crdt.types;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.structs.ContentString;
import org.vaultsync.crdt.structs.Item;

/**
 * A type our API does not surface (the XML kinds) or a root whose kind is not known yet (an update named it before
 * the application asked for a map or an array). Its items are kept and re-encoded unchanged.
 */
public final class GenericType extends SharedType {
    public static final int ROOT_PLACEHOLDER = -1;
    public static final int XML_ELEMENT = 3;
    public static final int XML_HOOK = 5;
    public static final int XML_TEXT = 6;

    private final int typeRef;
    /** Node name of an XML element or hook name of an XML hook; null for other kinds. */
    private final String name;

    public GenericType(int typeRef, String name) {
        this.typeRef = typeRef;
        this.name = name;
    }

    @Override
    public int typeRef() {
        return typeRef;
    }

    @Override
    public void writeTypeRef(Lib0Writer writer) {
        writer.writeVarUint(typeRef);
        if (typeRef == XML_ELEMENT || typeRef == XML_HOOK) {
            writer.writeVarString(name);
        }
    }

    /** XML text is a text in Yjs: remote changes to it, once formatted, trigger the same formatting clean-up. */
    @Override
    public void beforeObservers(Transaction transaction) {
        super.beforeObservers(transaction);
        if (typeRef == XML_TEXT && !transaction.isLocal() && isFormatted()) {
            transaction.requestFormattingCleanup();
        }
    }

    @Override
    public SharedType copyEmpty() {
        return new GenericType(typeRef, name);
    }

    /** XML text reads as its visible characters (embeds and formats omitted); other kinds as their map part. */
    @Override
    public Object toJSON() {
        if (typeRef == XML_TEXT) {
            StringBuilder text = new StringBuilder();
            for (Item n = start; n != null; n = n.right) {
                if (!n.isDeleted() && n.content instanceof ContentString s) {
                    text.append(s.text());
                }
            }
            return text.toString();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        for (Map.Entry<String, Item> entry : map.entrySet()) {
            if (!entry.getValue().isDeleted()) {
                json.put(entry.getKey(), jsonOf(entry.getValue().lastValue()));
            }
        }
        return json;
    }
}
