package org.parley.web.security;

/**
 * Where the state of {@link RateLimiter} lives: token buckets and claims, by key. Every operation is
 * atomic per key, so callers on many threads (or, with a shared implementation, many server
 * instances) never lose an update. {@link LocalLimiterStore} keeps the state in this instance's
 * memory; a data-grid map can implement the same four operations to share limits across a cluster.
 * Times are nanoseconds on the limiter's clock.
 */
public interface LimiterStore {

    /** Takes one token from the bucket {@code key} under {@code rule}: 0 when taken, else the nanoseconds until one is due. */
    long take(String key, RateLimiter.Rule rule, long now);

    /** Puts back one token taken from the bucket {@code key} (never above the rule's capacity). */
    void refund(String key, RateLimiter.Rule rule, long now);

    /**
     * Claims {@code key} for {@code owner} until {@code now + windowNanos}: 0 when the key was free,
     * expired or already this owner's (the claim is then renewed), else the nanoseconds until another
     * owner's claim ends.
     */
    long claim(String key, String owner, long windowNanos, long now);

    /** Ends {@code owner}'s claim on {@code key}; a claim of another owner stays. */
    void release(String key, String owner);
}
