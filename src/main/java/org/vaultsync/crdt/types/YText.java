package org.vaultsync.crdt.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.JsBigInt;
import org.vaultsync.crdt.encoding.JsPropertyOrder;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.crdt.id.Id;
import org.vaultsync.crdt.structs.Content;
import org.vaultsync.crdt.structs.ContentEmbed;
import org.vaultsync.crdt.structs.ContentFormat;
import org.vaultsync.crdt.structs.ContentString;
import org.vaultsync.crdt.structs.ContentType;
import org.vaultsync.crdt.structs.Item;

/**
 * Collaborative text, with Yjs 13.6's semantics and bytes: characters merge one by one when several people type at
 * once. Indices and lengths count UTF-16 code units (as in JavaScript and {@link String}); an embed counts one.
 * Formatting is a set of attributes ({@code bold: true}, {@code link: "..."}) over ranges, stored as markers in the
 * text; {@code null} as an attribute value removes it.
 *
 * <p>A new YText can be edited before it is inserted into a map or an array; the edits are replayed when it is
 * integrated (as Yjs does), and until then {@link #toString()} and {@link #length()} read the pending text.
 *
 * <p>Misuse is refused before anything changes ({@code IndexOutOfBoundsException} for a range outside the text,
 * {@code IllegalArgumentException} for a lone surrogate in inserted text, an index that would split a surrogate pair,
 * or an attribute value JavaScript cannot store).
 */
public final class YText extends SharedType {
    public static final int TYPE_REF = 2;
    /** Edits made before integration, replayed in order on integration. */
    private List<Consumer<YText>> pending = new ArrayList<>();
    /** The pending text (embeds as U+FFFC), for reads and index checks before integration. */
    private StringBuilder pendingText = new StringBuilder();

    public YText() {
        markers = new SearchMarkers();
    }

    public YText(String initial) {
        this();
        insert(0, initial);
    }

    @Override
    public int typeRef() {
        return TYPE_REF;
    }

    @Override
    public SharedType copyEmpty() {
        return new YText();
    }

    @Override
    public void integrate(Doc owner, Item holder) {
        super.integrate(owner, holder);
        List<Consumer<YText>> edits = pending;
        pending = null;
        pendingText = null;
        if (edits != null) {
            for (Consumer<YText> edit : edits) {
                edit.accept(this);
            }
        }
    }

    @Override
    public YEvent createEvent(Transaction transaction, Set<String> keys) {
        return new YTextEvent(this, transaction, keys);
    }

    @Override
    public void beforeObservers(Transaction transaction) {
        super.beforeObservers(transaction);
        if (!transaction.isLocal() && isFormatted()) {
            transaction.requestFormattingCleanup();
        }
    }

    /** Number of UTF-16 units (embeds count one). */
    public int length() {
        return doc == null ? pendingText.length() : length;
    }

    /** The characters, without embeds and formatting. */
    @Override
    public String toString() {
        if (doc == null) {
            return pendingText.toString().replace("\uFFFC", "");
        }
        TextPieces text = new TextPieces(length);
        for (Item n = start; n != null; n = n.right) {
            if (!n.isDeleted() && n.countable() && n.content instanceof ContentString s) {
                text.add(s.text());
            }
        }
        return text.text();
    }

    @Override
    public Object toJSON() {
        return toString();
    }

    public void insert(int index, String text) {
        insert(index, text, null);
    }

    /**
     * Inserts {@code text} at {@code index}. Without attributes it takes the formatting in effect at the index;
     * with attributes it gets exactly those (attributes in effect but not named are ended around it).
     */
    public void insert(int index, String text, Map<String, ?> attributes) {
        if (text.isEmpty()) {
            return;
        }
        checkNoLoneSurrogate(text);
        Map<String, Object> attrs = attributes == null ? null : copyAttributes(attributes);
        if (doc == null) {
            checkPendingRange(index, 0);
            pendingText.insert(index, text);
            pending.add(t -> t.insert(index, text, attrs));
            return;
        }
        checkRange(index, 0);
        doc.transact(transaction -> {
            TextPosition pos = findPosition(transaction, index, attrs == null);
            Map<String, Object> use = attrs != null ? copyOf(attrs) : pos.attributesCopy();
            insertContent(transaction, pos, new ContentString(text), use);
        });
    }

    public void insertEmbed(int index, Object embed) {
        insertEmbed(index, embed, null);
    }

    /**
     * Inserts an embed (a plain JSON-like value, or a new {@link YMap}, {@link YArray} or {@link YText}) at
     * {@code index}. Without attributes the embed carries no formatting (as in Yjs).
     */
    public void insertEmbed(int index, Object embed, Map<String, ?> attributes) {
        Object checked = checkedEmbed(embed);
        Map<String, Object> attrs = attributes == null ? null : copyAttributes(attributes);
        if (doc == null) {
            checkPendingRange(index, 0);
            pendingText.insert(index, '\uFFFC');
            pending.add(t -> t.insertEmbed(index, checked, attrs));
            return;
        }
        checkRange(index, 0);
        ListOps.checkNesting(this, Collections.singletonList(checked));
        doc.transact(transaction -> {
            TextPosition pos = findPosition(transaction, index, attrs == null);
            insertContent(transaction, pos, contentOf(checked), attrs == null ? new LinkedHashMap<>() : copyOf(attrs));
        });
    }

    public void delete(int index, int length) {
        if (length == 0) {
            return;
        }
        if (doc == null) {
            checkPendingRange(index, length);
            pendingText.delete(index, index + length);
            pending.add(t -> t.delete(index, length));
            return;
        }
        checkRange(index, length);
        doc.transact(transaction -> deleteText(transaction, findPosition(transaction, index, true), length));
    }

    /** Sets (or, with null values, removes) attributes on the {@code length} units from {@code index}. */
    public void format(int index, int length, Map<String, ?> attributes) {
        if (length == 0) {
            return;
        }
        Map<String, Object> attrs = copyAttributes(attributes);
        if (doc == null) {
            checkPendingRange(index, length);
            pending.add(t -> t.format(index, length, attrs));
            return;
        }
        checkRange(index, length);
        doc.transact(transaction -> {
            TextPosition pos = findPosition(transaction, index, false);
            if (pos.right != null) {
                formatText(transaction, pos, length, copyOf(attrs));
            }
        });
    }

    /**
     * Applies a rich-text delta from the start of the text, as Yjs does: inserts (strings or embeds) with their
     * attributes, retains that format (a retain past the end appends newlines, as Quill expects) and deletes.
     */
    public void applyDelta(List<DeltaOp> delta) {
        List<DeltaOp> checked = new ArrayList<>(delta.size());
        for (DeltaOp op : delta) {
            Map<String, Object> attrs = op.attributes() == null ? null : copyAttributes(op.attributes());
            if (op.count() < 0) {
                throw new IllegalArgumentException("Negative count in delta op " + op);
            }
            if (op.kind() == DeltaOp.Kind.INSERT) {
                Object insert = op.insert();
                if (insert instanceof String s) {
                    checkNoLoneSurrogate(s);
                    checked.add(DeltaOp.insertText(s, attrs));
                } else {
                    checked.add(DeltaOp.insertEmbed(checkedEmbed(insert), attrs));
                }
            } else {
                checked.add(new DeltaOp(op.kind(), op.count(), null, attrs));
            }
        }
        if (doc == null) {
            for (DeltaOp op : checked) {
                if (op.kind() == DeltaOp.Kind.INSERT) {
                    pendingText.append(op.insert() instanceof String s ? s : "\uFFFC");
                }
            }
            pending.add(t -> t.applyDelta(checked));
            return;
        }
        doc.transact(transaction -> {
            TextPosition pos = new TextPosition(null, start, 0);
            for (DeltaOp op : checked) {
                Map<String, Object> attrs = op.attributes() == null ? new LinkedHashMap<>() : copyOf(op.attributes());
                switch (op.kind()) {
                    case INSERT -> {
                        if (!(op.insert() instanceof String s && s.isEmpty())) {
                            insertContent(transaction, pos, contentOf(op.insert()), attrs);
                        }
                    }
                    case RETAIN -> formatText(transaction, pos, op.count(), attrs);
                    case DELETE -> deleteText(transaction, pos, op.count());
                }
            }
        });
    }

    /** The text as a rich-text delta: runs of equally formatted characters, and embeds, each with its attributes. */
    public List<DeltaOp> toDelta() {
        List<DeltaOp> ops = new ArrayList<>();
        Map<String, Object> current = new LinkedHashMap<>();
        StringBuilder run = new StringBuilder();
        for (Item n = start; n != null; n = n.right) {
            if (n.isDeleted()) {
                continue;
            }
            if (n.content instanceof ContentString s) {
                if (current.containsKey("ychange")) {
                    // Yjs drops an attribute named "ychange" here (it marks snapshot changes)
                    packRun(ops, run, current);
                    current.remove("ychange");
                }
                run.append(s.text());
            } else if (n.content instanceof ContentType || n.content instanceof ContentEmbed) {
                packRun(ops, run, current);
                ops.add(DeltaOp.insertEmbed(n.content.values().get(0), current.isEmpty() ? null : jsObject(current)));
            } else if (n.content instanceof ContentFormat format) {
                packRun(ops, run, current);
                TextFormatting.update(current, format);
            }
        }
        packRun(ops, run, current);
        return ops;
    }

    private static void packRun(List<DeltaOp> ops, StringBuilder run, Map<String, Object> attributes) {
        if (run.length() > 0) {
            ops.add(DeltaOp.insertText(run.toString(), attributes.isEmpty() ? null : jsObject(attributes)));
            run.setLength(0);
        }
    }

    /** An attribute map as a JavaScript object enumerates it (array-index keys first). */
    static Map<String, Object> jsObject(Map<String, Object> attributes) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String key : JsPropertyOrder.keys(attributes)) {
            object.put(key, attributes.get(key));
        }
        return Collections.unmodifiableMap(object);
    }

    // ----- walking and editing, step by step as Yjs does

    private TextPosition findPosition(Transaction transaction, int index, boolean useMarker) {
        SearchMarkers.Marker marker = useMarker && markers != null ? markers.find(this, index) : null;
        if (marker != null) {
            TextPosition pos = new TextPosition(marker.item.left, marker.item, marker.index);
            return findNextPosition(transaction, pos, index - marker.index);
        }
        return findNextPosition(transaction, new TextPosition(null, start, 0), index);
    }

    private static TextPosition findNextPosition(Transaction transaction, TextPosition pos, int count) {
        while (pos.right != null && count > 0) {
            Item right = pos.right;
            if (right.content instanceof ContentFormat format) {
                if (!right.isDeleted()) {
                    pos.apply(format);
                }
            } else if (!right.isDeleted()) {
                if (count < right.length) {
                    splitAt(transaction, right, count);
                }
                pos.index += right.length;
                count -= right.length;
            }
            pos.left = right;
            pos.right = right.right;
        }
        return pos;
    }

    private static void splitAt(Transaction transaction, Item item, int offset) {
        transaction.doc().store().findCleanStart(transaction, new Id(item.client, item.clock + offset));
    }

    private Item insertFormat(Transaction transaction, TextPosition pos, String key, Object value) {
        return ListOps.insertItem(transaction, this, pos.left, pos.right, new ContentFormat(key, value));
    }

    /** Ends, after inserted content, the attributes that were changed just for it (unless the text ends them). */
    private void insertNegatedAttributes(Transaction transaction, TextPosition pos, Map<String, Object> negated) {
        while (pos.right != null && (pos.right.isDeleted() || (pos.right.content instanceof ContentFormat format
                && negated.containsKey(format.key())
                && TextFormatting.equalAttrs(negated.get(format.key()), format.value())))) {
            if (!pos.right.isDeleted()) {
                negated.remove(((ContentFormat) pos.right.content).key());
            }
            pos.forward();
        }
        for (Map.Entry<String, Object> entry : negated.entrySet()) {
            pos.right = insertFormat(transaction, pos, entry.getKey(), entry.getValue());
            pos.forward();
        }
    }

    /** Moves right over deleted items and markers that already set what {@code attributes} asks for. */
    private static void minimizeAttributeChanges(TextPosition pos, Map<String, Object> attributes) {
        while (pos.right != null && (pos.right.isDeleted() || (pos.right.content instanceof ContentFormat format
                && TextFormatting.equalAttrs(attributes.get(format.key()), format.value())))) {
            pos.forward();
        }
    }

    /** Inserts a marker for each attribute that differs from the current one; returns what to restore after. */
    private Map<String, Object> insertAttributes(Transaction transaction, TextPosition pos,
            Map<String, Object> attributes) {
        Map<String, Object> negated = new LinkedHashMap<>();
        for (String key : JsPropertyOrder.keys(attributes)) {
            Object value = attributes.get(key);
            Object current = pos.attributes().get(key);
            if (!TextFormatting.equalAttrs(current, value)) {
                negated.put(key, current);
                pos.right = insertFormat(transaction, pos, key, value);
                pos.forward();
            }
        }
        return negated;
    }

    private void insertContent(Transaction transaction, TextPosition pos, Content content,
            Map<String, Object> attributes) {
        if (attributes.isEmpty() && !pos.hasAttributes()) {
            // plain text into plain text (typing): no attribute to set or to restore after the content
            minimizeAttributeChanges(pos, attributes);
            if (markers != null) {
                markers.update(pos.index, content.length());
            }
            pos.right = ListOps.insertItem(transaction, this, pos.left, pos.right, content);
            pos.forward();
            while (pos.right != null && pos.right.isDeleted()) {
                pos.forward(); // as insertNegatedAttributes does with nothing to restore (applyDelta goes on from pos)
            }
            return;
        }
        for (String key : pos.attributes().keySet()) {
            if (!attributes.containsKey(key)) {
                attributes.put(key, null);
            }
        }
        minimizeAttributeChanges(pos, attributes);
        Map<String, Object> negated = insertAttributes(transaction, pos, attributes);
        if (markers != null) {
            markers.update(pos.index, content.length());
        }
        pos.right = ListOps.insertItem(transaction, this, pos.left, pos.right, content);
        pos.forward();
        insertNegatedAttributes(transaction, pos, negated);
    }

    private void formatText(Transaction transaction, TextPosition pos, int length, Map<String, Object> attributes) {
        minimizeAttributeChanges(pos, attributes);
        Map<String, Object> negated = insertAttributes(transaction, pos, attributes);
        while (pos.right != null && (length > 0 || (!negated.isEmpty()
                && (pos.right.isDeleted() || pos.right.content instanceof ContentFormat)))) {
            Item right = pos.right;
            if (!right.isDeleted()) {
                if (right.content instanceof ContentFormat format) {
                    String key = format.key();
                    if (attributes.containsKey(key)) {
                        if (TextFormatting.equalAttrs(attributes.get(key), format.value())) {
                            negated.remove(key);
                        } else {
                            if (length == 0) {
                                break; // no need to extend what is restored after the range
                            }
                            negated.put(key, format.value());
                        }
                        right.delete(transaction);
                    } else {
                        pos.attributes().put(key, format.value());
                    }
                } else {
                    if (length < right.length) {
                        splitAt(transaction, right, length);
                    }
                    length -= right.length;
                }
            }
            pos.forward();
        }
        if (length > 0) {
            // Quill's documents end with a newline: formatting past the end appends the missing ones
            StringBuilder newlines = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                newlines.append('\n');
            }
            pos.right = ListOps.insertItem(transaction, this, pos.left, pos.right, new ContentString(newlines.toString()));
            pos.forward();
        }
        insertNegatedAttributes(transaction, pos, negated);
    }

    private void deleteText(Transaction transaction, TextPosition pos, int length) {
        int startLength = length;
        Map<String, Object> startAttributes = pos.attributesCopy();
        Item first = pos.right;
        while (length > 0 && pos.right != null) {
            Item right = pos.right;
            if (!right.isDeleted() && (right.content instanceof ContentString || right.content instanceof ContentEmbed
                    || right.content instanceof ContentType)) {
                if (length < right.length) {
                    splitAt(transaction, right, length);
                }
                length -= right.length;
                right.delete(transaction);
            }
            pos.forward();
        }
        if (first != null) {
            TextFormatting.cleanupGap(transaction, first, pos, startAttributes);
        }
        if (markers != null) {
            markers.update(pos.index, -startLength + length);
        }
    }

    // ----- checks and copies of what the caller gives

    private static Map<String, Object> copyAttributes(Map<String, ?> attributes) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : attributes.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Undefined || value instanceof JsBigInt || value instanceof byte[]
                    || value instanceof SharedType) {
                throw new IllegalArgumentException("Attribute " + entry.getKey() + " cannot be " + value);
            }
            copy.put(entry.getKey(), PlainValues.copy(value));
        }
        return copy;
    }

    /** A fresh map per use: the edit algorithms add keys to it, the values (and their identity) stay shared. */
    private static Map<String, Object> copyOf(Map<String, Object> attributes) {
        return new LinkedHashMap<>(attributes);
    }

    private static Object checkedEmbed(Object embed) {
        if (embed instanceof SharedType type) {
            return ListOps.checkedType(type);
        }
        if (embed == null || embed instanceof String || embed instanceof byte[] || embed instanceof Undefined
                || embed instanceof JsBigInt) {
            throw new IllegalArgumentException("An embed is an object, array, number, boolean or shared type, not "
                    + embed);
        }
        return PlainValues.copy(embed);
    }

    private static Content contentOf(Object insert) {
        if (insert instanceof String s) {
            return new ContentString(s);
        }
        return insert instanceof SharedType type ? new ContentType(type) : new ContentEmbed(insert);
    }

    private static void checkNoLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("Text contains a lone surrogate at " + i
                        + " (it would reach other replicas as U+FFFD)");
            }
        }
    }

    private void checkPendingRange(int index, int count) {
        if (index < 0 || count < 0 || index + count > pendingText.length()) {
            throw new IndexOutOfBoundsException("Range " + index + "+" + count + " outside a text of length "
                    + pendingText.length());
        }
        checkNotInsidePair(pendingText, index);
        checkNotInsidePair(pendingText, index + count);
    }

    private static void checkNotInsidePair(CharSequence text, int index) {
        if (index > 0 && index < text.length() && Character.isHighSurrogate(text.charAt(index - 1))
                && Character.isLowSurrogate(text.charAt(index))) {
            throw new IllegalArgumentException("Index " + index + " would split a surrogate pair");
        }
    }

    private void checkRange(int index, int count) {
        if (index < 0 || count < 0 || index + count > length) {
            throw new IndexOutOfBoundsException("Range " + index + "+" + count + " outside a text of length " + length);
        }
        checkBoundary(index);
        if (count > 0) {
            checkBoundary(index + count);
        }
    }

    /** Refuses an index between the two halves of a surrogate pair (read only: no marker moves, no split). */
    private void checkBoundary(int index) {
        if (index == 0 || index >= length) {
            return;
        }
        Item n = start;
        int before = 0;
        if (markers != null) {
            SearchMarkers.Marker closest = markers.closest(index);
            if (closest != null) {
                n = closest.item;
                before = closest.index;
                // from a marker past the index, step back (as a lookup does) rather than walk from the start
                while (before > index && n.left != null) {
                    n = n.left;
                    if (!n.isDeleted() && n.countable()) {
                        before -= n.length;
                    }
                }
                if (before > index) {
                    n = start;
                    before = 0;
                }
            }
        }
        for (; n != null; n = n.right) {
            if (!n.isDeleted() && n.countable()) {
                if (index < before + n.length) {
                    if (index > before && n.content instanceof ContentString s) {
                        checkNotInsidePair(s.text(), index - before);
                    }
                    return;
                }
                before += n.length;
            }
        }
    }
}
