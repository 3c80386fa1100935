package org.parley.web.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link LimiterStore} in this instance's memory: limits count per server instance. Memory stays
 * bounded: when a table grows past {@link #SWEEP_THRESHOLD} entries, full buckets and ended claims
 * (which hold nothing a later call could observe) are dropped.
 */
public final class LocalLimiterStore implements LimiterStore {

    static final int SWEEP_THRESHOLD = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    private record Claim(String owner, long until) {}

    @Override
    public long take(String key, RateLimiter.Rule rule, long now) {
        return bucket(key, rule, now).take(now);
    }

    @Override
    public void refund(String key, RateLimiter.Rule rule, long now) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            bucket.refund(now);
        }
    }

    @Override
    public long claim(String key, String owner, long windowNanos, long now) {
        if (claims.size() > SWEEP_THRESHOLD) {
            claims.values().removeIf(c -> c.until() <= now);
        }
        Claim mine = new Claim(owner, now + windowNanos);
        Claim result = claims.merge(
                key, mine, (old, fresh) -> old.until() <= now || old.owner().equals(owner) ? fresh : old);
        return result == mine ? 0 : result.until() - now;
    }

    @Override
    public void release(String key, String owner) {
        claims.computeIfPresent(key, (k, old) -> old.owner().equals(owner) ? null : old);
    }

    private Bucket bucket(String key, RateLimiter.Rule rule, long now) {
        if (buckets.size() > SWEEP_THRESHOLD) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(rule, now));
    }

    /** A token bucket: {@code capacity} tokens, refilled continuously at {@code capacity} per {@code period}. */
    private static final class Bucket {
        private final RateLimiter.Rule rule;
        private double tokens;
        private long updated;

        Bucket(RateLimiter.Rule rule, long now) {
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

        synchronized void refund(long now) {
            refill(now);
            tokens = Math.min(rule.capacity(), tokens + 1);
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
