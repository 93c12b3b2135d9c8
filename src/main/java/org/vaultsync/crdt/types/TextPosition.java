package org.vaultsync.crdt.types;

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
    final Map<String, Object> currentAttributes;

    TextPosition(Item left, Item right, int index, Map<String, Object> currentAttributes) {
        this.left = left;
        this.right = right;
        this.index = index;
        this.currentAttributes = currentAttributes;
    }

    /** Steps over {@code right} (which must exist), taking its attribute change or visible length into account. */
    void forward() {
        if (!right.isDeleted()) {
            if (right.content instanceof ContentFormat format) {
                TextFormatting.update(currentAttributes, format);
            } else {
                index += right.length;
            }
        }
        left = right;
        right = right.right;
    }
}
