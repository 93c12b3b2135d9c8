package org.vaultsync.crdt.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.structs.Content;
import org.vaultsync.crdt.structs.ContentAny;
import org.vaultsync.crdt.structs.ContentBinary;
import org.vaultsync.crdt.structs.ContentType;
import org.vaultsync.crdt.structs.Item;

/**
 * A shared map from string keys to values: plain JSON-like values, byte arrays, undefined, BigInts, or nested
 * {@link YMap}/{@link YArray}. A new YMap can be filled before it is inserted into a document ("preliminary"
 * content); its entries are written when it is integrated.
 */
public final class YMap extends SharedType {
    public static final int TYPE_REF = 1;
    private Map<String, Object> prelim = new LinkedHashMap<>();

    @Override
    public int typeRef() {
        return TYPE_REF;
    }

    @Override
    public SharedType copyEmpty() {
        return new YMap();
    }

    @Override
    public void integrate(Doc owner, Item holder) {
        super.integrate(owner, holder);
        Map<String, Object> pending = prelim;
        prelim = null;
        if (pending != null) {
            for (Map.Entry<String, Object> entry : pending.entrySet()) {
                set(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Sets {@code key}; numbers are stored as JavaScript numbers (doubles). */
    public void set(String key, Object value) {
        Object checked = value instanceof SharedType type ? ListOps.checkedType(type) : PlainValues.copy(value);
        ListOps.checkNesting(this, Collections.singletonList(checked));
        if (doc == null) {
            prelim.put(key, checked);
            return;
        }
        doc.transact(transaction -> setIn(transaction, key, checked));
    }

    private void setIn(Transaction transaction, String key, Object value) {
        Item left = map.get(key);
        Content content;
        if (value instanceof byte[] bytes) {
            content = new ContentBinary(bytes);
        } else if (value instanceof SharedType type) {
            content = new ContentType(type);
        } else {
            content = new ContentAny(Collections.singletonList(value));
        }
        int client = doc.clientId();
        Item item = new Item(client, doc.store().state(client), left == null ? null : left.lastId(), null, content);
        item.left = left;
        item.parent = this;
        item.parentSub = key;
        item.integrate(transaction, 0);
    }

    public void delete(String key) {
        if (doc == null) {
            prelim.remove(key);
            return;
        }
        doc.transact(transaction -> {
            Item item = map.get(key);
            if (item != null) {
                item.delete(transaction);
            }
        });
    }

    /** The value of {@code key}, or null if absent ({@link #has} tells a stored null from an absent key). */
    public Object get(String key) {
        if (doc == null) {
            return prelim.get(key);
        }
        Item item = map.get(key);
        return item == null || item.isDeleted() ? null : item.lastValue();
    }

    public boolean has(String key) {
        if (doc == null) {
            return prelim.containsKey(key);
        }
        Item item = map.get(key);
        return item != null && !item.isDeleted();
    }

    public List<String> keys() {
        if (doc == null) {
            return new ArrayList<>(prelim.keySet());
        }
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Item> entry : map.entrySet()) {
            if (!entry.getValue().isDeleted()) {
                keys.add(entry.getKey());
            }
        }
        return keys;
    }

    /** The visible entries in key order (the order keys were first set in this replica). */
    public Map<String, Object> entries() {
        if (doc == null) {
            return new LinkedHashMap<>(prelim);
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Item> entry : map.entrySet()) {
            if (!entry.getValue().isDeleted()) {
                entries.put(entry.getKey(), entry.getValue().lastValue());
            }
        }
        return entries;
    }

    public int size() {
        if (doc == null) {
            return prelim.size();
        }
        int size = 0;
        for (Item item : map.values()) {
            if (!item.isDeleted()) {
                size++;
            }
        }
        return size;
    }

    /** A plain map of the visible entries; nested types become their JSON form, undefined stays undefined. */
    @Override
    public Map<String, Object> toJSON() {
        if (doc == null) {
            Map<String, Object> json = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : prelim.entrySet()) {
                json.put(entry.getKey(), jsonOf(entry.getValue()));
            }
            return json;
        }
        // straight from the items, sized up front: no intermediate map of entries, no rehashing on the way. Only a
        // ContentType holds a type, so the content tells what jsonOf would learn from the value: a plain value is
        // not touched at all (for a freshly loaded vault, the value objects are cold in the cache: ~30 % of this)
        Map<String, Object> json = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
        for (Map.Entry<String, Item> entry : map.entrySet()) {
            Item item = entry.getValue();
            if (!item.isDeleted()) {
                Content content = item.content;
                json.put(entry.getKey(), content instanceof ContentType nested ? nested.type().toJSON()
                        : content.lastValue());
            }
        }
        return json;
    }

}
