package org.vaultsync.crdt.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaultsync.crdt.structs.ContentFormat;
import org.vaultsync.crdt.structs.Item;

/**
 * A place between two items of a text ({@code left}, {@code right}), the visible units before it, and the
 * formatting attributes in effect there as far as the walk that reached it has seen them.
 */
final class TextPosition {
    Item left;
    Item right;
    int index;
    /** Made when a walk meets the first marker: plain text (typing) never needs a table per edit. */
    private Map<String, Object> currentAttributes;

    TextPosition(Item left, Item right, int index) {
        this.left = left;
        this.right = right;
        this.index = index;
    }

    /** The attributes in effect (a live, modifiable table; made on first use). */
    Map<String, Object> attributes() {
        if (currentAttributes == null) {
            currentAttributes = new LinkedHashMap<>();
        }
        return currentAttributes;
    }

    boolean hasAttributes() {
        return currentAttributes != null && !currentAttributes.isEmpty();
    }

    /** A copy of the attributes in effect, for keeping while the walk goes on (read only if there are none). */
    Map<String, Object> attributesCopy() {
        return hasAttributes() ? new LinkedHashMap<>(currentAttributes) : Collections.emptyMap();
    }

    /** Takes the attribute change of a (visible) marker into account. */
    void apply(ContentFormat format) {
        TextFormatting.update(attributes(), format);
    }

    /** Steps over {@code right} (which must exist), taking its attribute change or visible length into account. */
    void forward() {
        if (!right.isDeleted()) {
            if (right.content instanceof ContentFormat format) {
                apply(format);
            } else {
                index += right.length;
            }
        }
        left = right;
        right = right.right;
    }
}
