package org.vaultsync.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ListRangesTest {
    @Test
    void copyTakesTheRangeIntoANewList() {
        List<String> list = List.of("a", "b", "c", "d");
        assertEquals(List.of("b", "c"), ListRanges.copy(list, 1, 3));
        assertEquals(List.of(), ListRanges.copy(list, 2, 2));
    }

    @Property
    void removeDoesWhatClearingASubListDoes(@ForAll @IntRange(max = 20) int size, @ForAll @IntRange(max = 20) int a,
                                            @ForAll @IntRange(max = 20) int b) {
        int from = Math.min(Math.min(a, b), size);
        int to = Math.min(Math.max(a, b), size);
        List<Integer> ours = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ours.add(i);
        }
        List<Integer> expected = new ArrayList<>(ours);
        expected.subList(from, to).clear();
        ListRanges.remove(ours, from, to);
        assertEquals(expected, ours);
    }
}
