package org.vaultsync.crdt.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vaultsync.common.ListRanges;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.structs.Item;

/**
 * A shared list of values: plain JSON-like values, byte arrays, or nested {@link YMap}/{@link YArray}. A new
 * YArray can be filled before it is inserted into a document; its content is written when it is integrated.
 */
public final class YArray extends SharedType {
    public static final int TYPE_REF = 0;
    private List<Object> prelim = new ArrayList<>();

    public YArray() {
        markers = new SearchMarkers();
    }

    @Override
    public int typeRef() {
        return TYPE_REF;
    }

    @Override
    public SharedType copyEmpty() {
        return new YArray();
    }

    @Override
    public void integrate(Doc owner, Item holder) {
        super.integrate(owner, holder);
        List<Object> pending = prelim;
        prelim = null;
        if (pending != null && !pending.isEmpty()) {
            insert(0, pending);
        }
    }

    public void insert(int index, List<?> values) {
        List<Object> checked = ListOps.checkedValues(values);
        ListOps.checkNesting(this, checked);
        if (doc == null) {
            if (index < 0 || index > prelim.size()) {
                throw ListOps.outside(index, prelim.size());
            }
            prelim.addAll(index, checked);
            return;
        }
        doc.transact(transaction -> ListOps.insert(transaction, this, index, checked));
    }

    public void insert(int index, Object... values) {
        insert(index, Arrays.asList(values));
    }

    /** Appends after the last item, deleted or not (as Yjs's push does). */
    public void push(List<?> values) {
        List<Object> checked = ListOps.checkedValues(values);
        ListOps.checkNesting(this, checked);
        if (doc == null) {
            prelim.addAll(checked);
            return;
        }
        doc.transact(transaction -> ListOps.push(transaction, this, checked));
    }

    public void push(Object... values) {
        push(Arrays.asList(values));
    }

    public void unshift(List<?> values) {
        insert(0, values);
    }

    public void delete(int index, int count) {
        if (doc == null) {
            ListRanges.remove(prelim, index, index + count);
            return;
        }
        if (index < 0 || count < 0 || index + count > length) {
            throw ListOps.cannotDelete(count, index, length);
        }
        doc.transact(transaction -> ListOps.delete(transaction, this, index, count));
    }

    public Object get(int index) {
        if (doc == null) {
            return prelim.get(index);
        }
        if (index < 0 || index >= length) {
            throw ListOps.outside(index, length);
        }
        ListOps.Cursor cursor = ListOps.startFor(this, index);
        int before = cursor.before();
        for (Item n = cursor.item(); n != null; n = n.right) {
            if (!n.isDeleted() && n.countable()) {
                if (index - before < n.length) {
                    return n.content.values().get(index - before);
                }
                before += n.length;
            }
        }
        throw new IllegalStateException("List length out of step with its items");
    }

    public int length() {
        return doc == null ? prelim.size() : length;
    }

    public List<Object> toArray() {
        return doc == null ? new ArrayList<>(prelim) : listValues();
    }

    @Override
    public List<Object> toJSON() {
        List<Object> json = new ArrayList<>();
        for (Object value : toArray()) {
            json.add(jsonOf(value));
        }
        return json;
    }
}
