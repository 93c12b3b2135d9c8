package org.vaultsync.crdt.id;

import java.util.Arrays;

/**
 * Sorts client IDs (as signed ints, after the callers' bit tricks for unsigned order). The browser build compiles
 * {@code org.vaultsync.browser.substitutes.crdt.id.IntSort} in its place (see {@code BrowserSubstitutions}): after
 * TeaVM an {@code int[]} holds an {@code Int32Array}, whose native {@code sort()} orders numerically, as
 * {@link Arrays#sort(int[])} does, without shipping TeaVM's merge sort for {@code int} arrays.
 */
public final class IntSort {
    private IntSort() {
    }

    /** Sorts {@code values} in ascending (signed) order. */
    public static void sort(int[] values) {
        Arrays.sort(values);
    }
}
