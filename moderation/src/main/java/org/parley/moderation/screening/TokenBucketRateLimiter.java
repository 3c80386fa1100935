package org.parley.moderation.screening;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory token buckets, one per key. Thread-safe: each bucket is updated atomically. When the
 * map grows past its key limit, buckets that have refilled completely are dropped (at most one
 * sweep a second), so memory stays bounded by the number of authors active within one refill
 * period and a flood of new keys cannot make every request pay for a sweep.
 */
public final class TokenBucketRateLimiter implements RateLimiter {

    private static final int DEFAULT_MAX_KEYS = 100_000;
    private static final long SWEEP_INTERVAL_MILLIS = 1_000;

    private record Bucket(double tokens, long atMillis) {}

    private final Clock clock;
    private final int maxKeys;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE / 2);

    private TokenBucketRateLimiter(Clock clock, int maxKeys) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxKeys = maxKeys;
    }

    /** Buckets on the system clock. */
    public static TokenBucketRateLimiter create() {
        return new TokenBucketRateLimiter(Clock.systemUTC(), DEFAULT_MAX_KEYS);
    }

    /** Buckets on the given clock (for tests and simulations). */
    public static TokenBucketRateLimiter withClock(Clock clock) {
        return new TokenBucketRateLimiter(clock, DEFAULT_MAX_KEYS);
    }

    /** Buckets on the given clock with a small key limit, to test the sweep. */
    static TokenBucketRateLimiter withClock(Clock clock, int maxKeys) {
        return new TokenBucketRateLimiter(clock, maxKeys);
    }

    /** How many buckets are held. */
    int size() {
        return buckets.size();
    }

    @Override
    public boolean tryAcquire(String key, RateLimit limit) {
        long now = clock.millis();
        boolean[] granted = new boolean[1];
        buckets.compute(key, (k, bucket) -> {
            double tokens = bucket == null ? limit.burst() : refilled(bucket, now, limit);
            granted[0] = tokens >= 1;
            return new Bucket(granted[0] ? tokens - 1 : tokens, now);
        });
        long last = lastSweep.get();
        if (buckets.size() > maxKeys && now - last >= SWEEP_INTERVAL_MILLIS && lastSweep.compareAndSet(last, now)) {
            buckets.entrySet().removeIf(e -> refilled(e.getValue(), now, limit) >= limit.burst());
        }
        return granted[0];
    }

    private static double refilled(Bucket bucket, long now, RateLimit limit) {
        double earned = (double) Math.max(0, now - bucket.atMillis())
                / limit.refillEvery().toMillis();
        return Math.min(limit.burst(), bucket.tokens() + earned);
    }
}
