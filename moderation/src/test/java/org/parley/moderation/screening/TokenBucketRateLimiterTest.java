package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final RateLimit threeThenOnePerMinute = new RateLimit(3, Duration.ofMinutes(1));

    @Test
    void burstIsAllowedThenRefused() {
        TokenBucketRateLimiter limiter = TokenBucketRateLimiter.withClock(new ManualClock());
        assertTrue(limiter.tryAcquire("a", threeThenOnePerMinute));
        assertTrue(limiter.tryAcquire("a", threeThenOnePerMinute));
        assertTrue(limiter.tryAcquire("a", threeThenOnePerMinute));
        assertFalse(limiter.tryAcquire("a", threeThenOnePerMinute));
    }

    @Test
    void tokensComeBackWithTimeUpToTheBurst() {
        ManualClock clock = new ManualClock();
        TokenBucketRateLimiter limiter = TokenBucketRateLimiter.withClock(clock);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a", threeThenOnePerMinute);
        }
        clock.advance(Duration.ofSeconds(59));
        assertFalse(limiter.tryAcquire("a", threeThenOnePerMinute));
        clock.advance(Duration.ofSeconds(2));
        assertTrue(limiter.tryAcquire("a", threeThenOnePerMinute));
        clock.advance(Duration.ofHours(5));
        int granted = 0;
        while (limiter.tryAcquire("a", threeThenOnePerMinute)) {
            granted++;
        }
        assertEquals(3, granted);
    }

    @Test
    void authorsHaveSeparateBuckets() {
        TokenBucketRateLimiter limiter = TokenBucketRateLimiter.withClock(new ManualClock());
        RateLimit one = new RateLimit(1, Duration.ofHours(1));
        assertTrue(limiter.tryAcquire("a", one));
        assertFalse(limiter.tryAcquire("a", one));
        assertTrue(limiter.tryAcquire("b", one));
    }

    @Test
    void concurrentRequestsNeverGetMoreThanTheBurst() throws Exception {
        TokenBucketRateLimiter limiter = TokenBucketRateLimiter.withClock(new ManualClock());
        RateLimit ten = new RateLimit(10, Duration.ofHours(1));
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> {
                    if (limiter.tryAcquire("shared", ten)) {
                        granted.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, granted.get());
    }

    @Test
    void refilledBucketsAreDroppedOnceTheKeyLimitIsPassed() {
        ManualClock clock = new ManualClock();
        TokenBucketRateLimiter limiter = TokenBucketRateLimiter.withClock(clock, 2);
        RateLimit limit = new RateLimit(1, Duration.ofSeconds(10));
        limiter.tryAcquire("a", limit);
        limiter.tryAcquire("b", limit);
        limiter.tryAcquire("c", limit);
        assertEquals(3, limiter.size(), "nothing had refilled yet, so nothing was dropped");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(limiter.tryAcquire("d", limit));
        assertEquals(1, limiter.size());
        assertTrue(limiter.tryAcquire("a", limit), "a dropped bucket starts full again");
    }
}
