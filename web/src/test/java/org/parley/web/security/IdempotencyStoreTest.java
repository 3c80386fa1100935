package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parley.web.problem.ProblemException;

class IdempotencyStoreTest {

    private final IdempotencyStore store = new IdempotencyStore(Clock.systemUTC());

    @Test
    void sameKeyAndRequestReplaysTheFirstOutcomeWithoutRunningAgain() {
        AtomicInteger runs = new AtomicInteger();
        IdempotencyStore.Result first = store.execute(
                "reader:a",
                "k1",
                "f",
                () -> new IdempotencyStore.Outcome(201, "comment " + runs.incrementAndGet(), "/c/1"));
        IdempotencyStore.Result second = store.execute(
                "reader:a",
                "k1",
                "f",
                () -> new IdempotencyStore.Outcome(201, "comment " + runs.incrementAndGet(), "/c/2"));
        assertFalse(first.replayed());
        assertTrue(second.replayed());
        assertSame(first.outcome(), second.outcome());
        assertEquals(1, runs.get());
    }

    @Test
    void sameKeyWithDifferentRequestIsRefused() {
        store.execute("reader:a", "k1", "f1", () -> new IdempotencyStore.Outcome(201, "x", null));
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> store.execute("reader:a", "k1", "f2", () -> new IdempotencyStore.Outcome(201, "y", null)));
        assertEquals("idempotency-key-reused", e.code());
    }

    @Test
    void keysOfDifferentCallersDoNotCollide() {
        store.execute("reader:a", "k1", "f", () -> new IdempotencyStore.Outcome(201, "a", null));
        IdempotencyStore.Result b =
                store.execute("reader:b", "k1", "f", () -> new IdempotencyStore.Outcome(201, "b", null));
        assertFalse(b.replayed());
        assertEquals("b", b.outcome().entity());
    }

    @Test
    void failedFirstAttemptIsForgottenSoTheRetryRuns() {
        assertThrows(
                IllegalStateException.class,
                () -> store.execute("reader:a", "k1", "f", () -> {
                    throw new IllegalStateException("database down");
                }));
        IdempotencyStore.Result retry =
                store.execute("reader:a", "k1", "f", () -> new IdempotencyStore.Outcome(201, "ok", null));
        assertFalse(retry.replayed());
    }

    @Test
    void concurrentRequestsWithOneKeyRunOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<IdempotencyStore.Result> first = pool.submit(() -> store.execute("s", "k", "f", () -> {
                runs.incrementAndGet();
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new IdempotencyStore.Outcome(201, "one", null);
            }));
            inside.await();
            Future<IdempotencyStore.Result> second = pool.submit(() -> store.execute("s", "k", "f", () -> {
                runs.incrementAndGet();
                return new IdempotencyStore.Outcome(201, "two", null);
            }));
            release.countDown();
            assertEquals("one", first.get().outcome().entity());
            assertEquals("one", second.get().outcome().entity());
            assertEquals(1, runs.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
