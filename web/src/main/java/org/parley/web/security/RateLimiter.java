package org.parley.web.security;

import org.parley.web.problem.ProblemException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets keyed by who is asking (an author id or a client address) and what they do. Each
 * {@link Rule} allows a burst of {@code capacity} and refills at {@code capacity} per
 * {@code period}. Memory stays bounded: full, idle buckets are dropped when the table grows.
 * Limits are per server instance.
 */
public final class RateLimiter {

    /** A named limit: at most {@code capacity} actions per {@code period}. */
    public record Rule(String name, int capacity, Duration period) {
        public Rule {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
            }
        }

        double perNano() {
            return capacity / (double) period.toNanos();
        }
    }

    private static final int SWEEP_THRESHOLD = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes one token for {@code who} under {@code rule}, or throws a 429 {@code rate-limited}
     * problem saying in {@code Retry-After} when the next token is due.
     */
    public void acquire(Rule rule, String who) {
        long now = nanos();
        if (buckets.size() > SWEEP_THRESHOLD) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(rule.name() + "|" + who, k -> new Bucket(rule, now));
        long waitNanos = bucket.take(now);
        if (waitNanos > 0) {
            throw ProblemException.rateLimited(Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1));
        }
    }

    private long nanos() {
        return Duration.between(java.time.Instant.EPOCH, clock.instant()).toNanos();
    }

    private void sweep(long now) {
        buckets.values().removeIf(b -> b.isFull(now));
    }

    private static final class Bucket {
        private final Rule rule;
        private double tokens;
        private long updated;

        Bucket(Rule rule, long now) {
            this.rule = rule;
            this.tokens = rule.capacity();
            this.updated = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / rule.perNano());
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= rule.capacity();
        }

        private void refill(long now) {
            if (now > updated) {
                tokens = Math.min(rule.capacity(), tokens + (now - updated) * rule.perNano());
                updated = now;
            }
        }
    }
}
