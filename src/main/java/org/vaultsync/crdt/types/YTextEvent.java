package org.vaultsync.crdt.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.structs.ContentEmbed;
import org.vaultsync.crdt.structs.ContentFormat;
import org.vaultsync.crdt.structs.ContentString;
import org.vaultsync.crdt.structs.ContentType;
import org.vaultsync.crdt.structs.Item;

/**
 * The change of a {@link YText} in one transaction, as a rich-text delta: retains (with the attributes that changed
 * on them), inserts (with their attributes) and deletes. As in Yjs, computing it deletes formatting markers that turn
 * out redundant, in a transaction of its own.
 */
public final class YTextEvent extends YEvent {
    private List<DeltaOp> delta;

    YTextEvent(YText target, Transaction transaction, Set<String> changedSubs) {
        super(target, transaction, changedSubs);
    }

    @Override
    public List<DeltaOp> delta() {
        if (delta == null) {
            List<DeltaOp> ops = new ArrayList<>();
            target().doc().transact(cleanup -> new Builder(ops).run(cleanup));
            delta = Collections.unmodifiableList(ops);
        }
        return delta;
    }

    private enum Action { INSERT, RETAIN, DELETE }

    /** One pass over the text, packing runs of the same action (a port of Yjs's YTextEvent.delta). */
    private final class Builder {
        final List<DeltaOp> ops;
        final Map<String, Object> currentAttributes = new LinkedHashMap<>();
        final Map<String, Object> oldAttributes = new LinkedHashMap<>();
        /** Attributes changed on the current retain run (a JS object: key order is fixed when packed). */
        final Map<String, Object> attributes = new LinkedHashMap<>();
        Action action;
        StringBuilder insertText = new StringBuilder();
        Object insertEmbed;
        int retain;
        int deleteLength;

        Builder(List<DeltaOp> ops) {
            this.ops = ops;
        }

        void addOp() {
            if (action == null) {
                return;
            }
            switch (action) {
                case DELETE -> {
                    if (deleteLength > 0) {
                        ops.add(DeltaOp.delete(deleteLength));
                    }
                    deleteLength = 0;
                }
                case INSERT -> {
                    Map<String, Object> attrs = null;
                    if (!currentAttributes.isEmpty()) {
                        attrs = new LinkedHashMap<>();
                        for (Map.Entry<String, Object> entry : currentAttributes.entrySet()) {
                            if (entry.getValue() != null) {
                                attrs.put(entry.getKey(), entry.getValue());
                            }
                        }
                        attrs = YText.jsObject(attrs);
                    }
                    if (insertEmbed instanceof String s ? !s.isEmpty() : insertEmbed instanceof Map
                            || insertEmbed instanceof List || insertEmbed instanceof SharedType) {
                        // like Yjs, which keeps only object (or non-empty string) inserts: a number embed is left out
                        ops.add(DeltaOp.insertEmbed(insertEmbed, attrs));
                    } else if (insertText.length() > 0) {
                        ops.add(DeltaOp.insertText(insertText.toString(), attrs));
                    }
                    insertEmbed = null;
                    insertText.setLength(0);
                }
                case RETAIN -> {
                    if (retain > 0) {
                        ops.add(DeltaOp.retain(retain, attributes.isEmpty() ? null : YText.jsObject(attributes)));
                    }
                    retain = 0;
                }
            }
            action = null;
        }

        void switchTo(Action next) {
            if (action != next) {
                addOp();
                action = next;
            }
        }

        void run(Transaction cleanup) {
            for (Item item = target().start; item != null; item = item.right) {
                if (item.content instanceof ContentType || item.content instanceof ContentEmbed) {
                    if (adds(item)) {
                        if (!deletes(item)) {
                            addOp();
                            action = Action.INSERT;
                            insertEmbed = item.content.values().get(0);
                            addOp();
                        }
                    } else if (deletes(item)) {
                        switchTo(Action.DELETE);
                        deleteLength += 1;
                    } else if (!item.isDeleted()) {
                        switchTo(Action.RETAIN);
                        retain += 1;
                    }
                } else if (item.content instanceof ContentString) {
                    if (adds(item)) {
                        if (!deletes(item)) {
                            switchTo(Action.INSERT);
                            insertText.append(((ContentString) item.content).text());
                        }
                    } else if (deletes(item)) {
                        switchTo(Action.DELETE);
                        deleteLength += item.length;
                    } else if (!item.isDeleted()) {
                        switchTo(Action.RETAIN);
                        retain += item.length;
                    }
                } else if (item.content instanceof ContentFormat format) {
                    format(cleanup, item, format);
                }
            }
            addOp();
            while (!ops.isEmpty()) {
                DeltaOp last = ops.get(ops.size() - 1);
                if (last.kind() == DeltaOp.Kind.RETAIN && last.attributes() == null) {
                    ops.remove(ops.size() - 1); // trailing retains without attributes say nothing
                } else {
                    break;
                }
            }
        }

        private void format(Transaction cleanup, Item item, ContentFormat format) {
            String key = format.key();
            Object value = format.value();
            if (adds(item)) {
                if (!deletes(item)) {
                    Object current = currentAttributes.get(key);
                    if (!TextFormatting.equalAttrs(current, value)) {
                        if (action == Action.RETAIN) {
                            addOp();
                        }
                        if (TextFormatting.equalAttrs(value, oldAttributes.get(key))) {
                            attributes.remove(key);
                        } else {
                            attributes.put(key, value);
                        }
                    } else if (value != null) {
                        item.delete(cleanup);
                    }
                }
            } else if (deletes(item)) {
                oldAttributes.put(key, value);
                Object current = currentAttributes.get(key);
                if (!TextFormatting.equalAttrs(current, value)) {
                    if (action == Action.RETAIN) {
                        addOp();
                    }
                    attributes.put(key, current);
                }
            } else if (!item.isDeleted()) {
                oldAttributes.put(key, value);
                if (attributes.containsKey(key)) {
                    Object attr = attributes.get(key);
                    if (!TextFormatting.equalAttrs(attr, value)) {
                        if (action == Action.RETAIN) {
                            addOp();
                        }
                        if (value == null) {
                            attributes.remove(key);
                        } else {
                            attributes.put(key, value);
                        }
                    } else if (attr != null) {
                        item.delete(cleanup); // redundant marker: the contextless clean-up would remove it too
                    }
                }
            }
            if (!item.isDeleted()) {
                if (action == Action.INSERT) {
                    addOp();
                }
                TextFormatting.update(currentAttributes, format);
            }
        }
    }
}
