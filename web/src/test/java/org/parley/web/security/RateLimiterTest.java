package org.parley.web.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.parley.web.problem.ProblemException;

class RateLimiterTest {

    private static final RateLimiter.Rule THREE_PER_MINUTE = new RateLimiter.Rule("posts", 3, Duration.ofMinutes(1));

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");

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

    @Test
    void burstUpToCapacityThenRefusedWithRetryAfter() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(clock);
        for (int i = 0; i < 3; i++) {
            assertDoesNotThrow(() -> limiter.acquire(THREE_PER_MINUTE, "1.2.3.4"));
        }
        ProblemException refused =
                assertThrows(ProblemException.class, () -> limiter.acquire(THREE_PER_MINUTE, "1.2.3.4"));
        assertEquals(429, refused.status());
        assertEquals("21", refused.headers().get("Retry-After"));
    }

    @Test
    void tokensRefillOverTime() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(clock);
        for (int i = 0; i < 3; i++) {
            limiter.acquire(THREE_PER_MINUTE, "a");
        }
        clock.now = clock.now.plusSeconds(20);
        assertDoesNotThrow(() -> limiter.acquire(THREE_PER_MINUTE, "a"));
        assertThrows(ProblemException.class, () -> limiter.acquire(THREE_PER_MINUTE, "a"));
    }

    @Test
    void keysAreIndependent() {
        RateLimiter limiter = new RateLimiter(new ManualClock());
        for (int i = 0; i < 3; i++) {
            limiter.acquire(THREE_PER_MINUTE, "a");
        }
        assertDoesNotThrow(() -> limiter.acquire(THREE_PER_MINUTE, "b"));
    }

    @Test
    void aRefundGivesBackATakenTokenButNeverAboveCapacity() {
        RateLimiter limiter = new RateLimiter(new ManualClock());
        for (int i = 0; i < 10; i++) {
            limiter.acquire(THREE_PER_MINUTE, "user");
            limiter.refund(THREE_PER_MINUTE, "user");
        }
        limiter.refund(THREE_PER_MINUTE, "user");
        for (int i = 0; i < 3; i++) {
            limiter.acquire(THREE_PER_MINUTE, "user");
        }
        ProblemException refused =
                assertThrows(ProblemException.class, () -> limiter.acquire(THREE_PER_MINUTE, "user"));
        assertEquals(429, refused.status());
    }

    @Test
    void aClaimHoldsAgainstOtherOwnersUntilReleasedOrExpired() {
        ManualClock clock = new ManualClock();
        RateLimiter limiter = new RateLimiter(clock);
        Duration day = Duration.ofHours(24);
        limiter.claim("like", "c1|1.2.3.4", "ann", day, "taken");
        assertDoesNotThrow(() -> limiter.claim("like", "c1|1.2.3.4", "ann", day, "taken"), "the owner may claim again");
        ProblemException refused =
                assertThrows(ProblemException.class, () -> limiter.claim("like", "c1|1.2.3.4", "bob", day, "taken"));
        assertEquals(String.valueOf(24 * 3600 + 1), refused.headers().get("Retry-After"));
        assertEquals("taken", refused.toProblem("/x").detail());
        assertDoesNotThrow(() -> limiter.claim("like", "c2|1.2.3.4", "bob", day, "taken"), "other keys are free");

        limiter.release("like", "c1|1.2.3.4", "bob");
        assertThrows(
                ProblemException.class,
                () -> limiter.claim("like", "c1|1.2.3.4", "bob", day, "taken"),
                "another owner cannot release the claim");
        limiter.release("like", "c1|1.2.3.4", "ann");
        assertDoesNotThrow(() -> limiter.claim("like", "c1|1.2.3.4", "bob", day, "taken"));

        clock.now = clock.now.plus(day);
        assertDoesNotThrow(
                () -> limiter.claim("like", "c1|1.2.3.4", "cid", day, "taken"), "a claim ends with its window");
    }
}
