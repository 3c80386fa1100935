package org.parley.moderation.screening;

/**
 * Port: per-author rate limiting. Implementations must be thread-safe. {@link TokenBucketRateLimiter}
 * is the in-memory implementation for one server; a cluster backs this with a shared store.
 */
@FunctionalInterface
public interface RateLimiter {

    /** Takes one post from {@code key}'s allowance under {@code limit}; false if none is left. */
    boolean tryAcquire(String key, RateLimit limit);

    /** No limit at all: for batch jobs and dry runs. */
    static RateLimiter unlimited() {
        return (key, limit) -> true;
    }
}
