package org.parley.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grid message of a batch of signals, and batching without a grid. */
class SignalsTest {

    @Test
    void aBatchOfSignalsTravelsAsOneMessageAndComesBackWhole() {
        List<List<String>> batch = List.of(
                List.of("article-changed", "demo\u0001budget-2027"),
                List.of("comment-visible", "demo", "budget-2027", "c-12", ""),
                List.of("queues-changed", "demo"),
                List.of("all-changed"));
        String payload = Signals.encode(batch);
        assertEquals(batch, Signals.decode(payload));
    }

    @Test
    void aSingleSignalIsItsArgumentsJoinedByNul() {
        assertEquals("queues-changed\u0000demo", Signals.encode(List.of(List.of("queues-changed", "demo"))));
        assertEquals(
                List.of(List.of("comment-visible", "demo", "a", "c-1", "")),
                Signals.decode("comment-visible\u0000demo\u0000a\u0000c-1\u0000"));
    }

    @Test
    void withoutAGridSignalsRunHereAtOnceEvenInsideABatch() {
        Signals signals = new Signals();
        List<List<String>> heard = new ArrayList<>();
        signals.on("queues-changed", heard::add);
        Object result = signals.batched(() -> {
            signals.send("queues-changed", "demo");
            assertEquals(List.of(List.of("demo")), heard);
            return heard;
        });
        assertSame(heard, result);
        assertEquals(1, heard.size());
    }
}
