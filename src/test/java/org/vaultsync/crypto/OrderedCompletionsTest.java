package org.vaultsync.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedCompletionsTest {
    private final List<String> out = new ArrayList<>();
    private final OrderedCompletions<String> queue = new OrderedCompletions<>(out::add,
            error -> out.add("failed: " + error.getMessage()));

    @Test
    void resultsComeOutInTheOrderTheOperationsStarted() {
        CryptoCallback<String> first = queue.next();
        CryptoCallback<String> second = queue.next();
        CryptoCallback<String> third = queue.next();
        third.succeeded("c");
        second.succeeded("b");
        assertEquals(List.of(), out, "nothing overtakes the first");
        first.succeeded("a");
        assertEquals(List.of("a", "b", "c"), out);
        assertEquals(0, queue.pending());
    }

    @Test
    void aFailureIsReportedInItsTurnAndDoesNotBlockTheRest() {
        CryptoCallback<String> first = queue.next();
        CryptoCallback<String> second = queue.next();
        second.succeeded("b");
        first.failed(new CryptoException(CryptoException.Kind.NOT_AUTHENTIC, "tag"));
        assertEquals(List.of("failed: tag", "b"), out);
    }

    @Test
    void synchronousCompletionsDeliverAtOnceAndIdleTasksWaitForEverything() {
        queue.next().succeeded("now");
        assertEquals(List.of("now"), out);
        CryptoCallback<String> later = queue.next();
        queue.whenIdle(() -> out.add("idle"));
        assertEquals(List.of("now"), out);
        later.succeeded("later");
        assertEquals(List.of("now", "later", "idle"), out);
    }

    @Test
    void afterCloseNothingIsDelivered() {
        CryptoCallback<String> pending = queue.next();
        queue.whenIdle(() -> out.add("idle"));
        queue.close();
        pending.succeeded("late");
        queue.next().succeeded("after close");
        assertEquals(List.of(), out);
    }

    @Test
    void aCallbackCompletingTwiceCountsOnce() {
        CryptoCallback<String> slot = queue.next();
        slot.succeeded("once");
        slot.succeeded("twice");
        assertEquals(List.of("once"), out);
    }
}
