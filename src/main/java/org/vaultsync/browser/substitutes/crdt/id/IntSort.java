package org.vaultsync.browser.substitutes.crdt.id;

import org.teavm.jso.JSBody;

/**
 * Browser build of {@code org.vaultsync.crdt.id.IntSort} (TeaVM substitutes this class for it, see
 * {@link org.vaultsync.browser.BrowserSubstitutions}): an {@code int[]} is an object whose {@code data} is an
 * {@code Int32Array}, and a typed array's {@code sort()} without a comparator orders numerically. Same result as
 * {@code Arrays.sort(int[])}.
 */
public final class IntSort {
    private IntSort() {
    }

    public static void sort(int[] values) {
        sortNative(values);
    }

    @JSBody(params = "values", script = "values.data.sort();")
    private static native void sortNative(Object values);
}
