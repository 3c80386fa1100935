package org.parley.web.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.parley.moderation.screening.RateLimit;
import org.parley.moderation.screening.RateLimiter;
import org.parley.web.security.LimiterStore;

/**
 * Token buckets and claims on the data grid, shared by every instance: a reader who spreads
 * requests over N instances gets the same allowance as on one. Each bucket is one string entry
 * ({@code tokens;updated-nanos}) updated by compare-and-set; an idle bucket is evicted after
 * {@link #IDLE_SECONDS}, by which time it would be full again (every limit refills within an hour).
 * Times are nanoseconds since the epoch on the instances' clocks, which must agree to well under
 * a limit's refill time (NTP does). The web's {@link LimiterStore} (per-address limits, likes and
 * reports held per address) and the screening's per-author {@link RateLimiter}.
 */
public final class GridBuckets implements RateLimiter, LimiterStore {

    static final String BUCKETS = "parley.buckets";
    static final String CLAIMS = "parley.claims";
    static final int IDLE_SECONDS = 3600;

    private final IMap<String, String> buckets;
    private final IMap<String, String> claims;
    private final Clock clock;

    public GridBuckets(HazelcastInstance hazelcast, Clock clock) {
        this.buckets = GridMaps.map(hazelcast, BUCKETS, IDLE_SECONDS);
        this.claims = GridMaps.map(hazelcast, CLAIMS, IDLE_SECONDS);
        this.clock = clock;
    }

    /**
     * Takes one token of the bucket {@code key} holding at most {@code capacity} tokens and earning
     * one every {@code nanosPerToken}: 0 when one was there, else the nanoseconds until one is.
     */
    public long take(String key, int capacity, double nanosPerToken, long now) {
        long[] waited = new long[1];
        GridMaps.update(buckets, key, old -> {
            double tokens = old == null ? capacity : refilled(old, capacity, nanosPerToken, now);
            waited[0] = wait(tokens, nanosPerToken);
            long stamp = old == null ? now : Math.max(now, Long.parseLong(old.substring(old.indexOf(';') + 1)));
            return (waited[0] == 0 ? tokens - 1 : tokens) + ";" + stamp;
        });
        return waited[0];
    }

    @Override
    public long take(String key, org.parley.web.security.RateLimiter.Rule rule, long now) {
        return take(key, rule.capacity(), nanosPerToken(rule), now);
    }

    @Override
    public void refund(String key, org.parley.web.security.RateLimiter.Rule rule, long now) {
        double nanosPerToken = nanosPerToken(rule);
        GridMaps.update(buckets, key, old -> {
            double tokens = old == null ? rule.capacity() : refilled(old, rule.capacity(), nanosPerToken, now);
            long stamp = old == null ? now : Math.max(now, Long.parseLong(old.substring(old.indexOf(';') + 1)));
            return Math.min(rule.capacity(), tokens + 1) + ";" + stamp;
        });
    }

    private static double nanosPerToken(org.parley.web.security.RateLimiter.Rule rule) {
        return rule.period().toNanos() / (double) rule.capacity();
    }

    /**
     * Claims {@code key} for {@code owner} until {@code now + windowNanos}: 0 when it was free,
     * expired or already {@code owner}'s (renewed), else the nanoseconds until the other claim ends.
     */
    @Override
    public long claim(String key, String owner, long windowNanos, long now) {
        long[] waited = new long[1];
        GridMaps.update(claims, key, old -> {
            if (old != null) {
                int at = old.lastIndexOf(';');
                long until = Long.parseLong(old.substring(at + 1));
                if (until > now && !old.substring(0, at).equals(owner)) {
                    waited[0] = until - now;
                    return old;
                }
            }
            waited[0] = 0;
            return owner + ";" + (now + windowNanos);
        });
        return waited[0];
    }

    /** Ends {@code owner}'s claim on {@code key}; another owner's claim stays. */
    @Override
    public void release(String key, String owner) {
        String current = claims.get(key);
        if (current != null && current.substring(0, current.lastIndexOf(';')).equals(owner)) {
            claims.remove(key, current);
        }
    }

    @Override
    public boolean tryAcquire(String key, RateLimit limit) {
        double nanosPerToken = limit.refillEvery().toNanos();
        return take("author|" + key, limit.burst(), nanosPerToken, nanos()) == 0;
    }

    private long nanos() {
        return Duration.between(Instant.EPOCH, clock.instant()).toNanos();
    }

    private static double refilled(String state, int capacity, double nanosPerToken, long now) {
        int at = state.indexOf(';');
        double tokens = Double.parseDouble(state.substring(0, at));
        long updated = Long.parseLong(state.substring(at + 1));
        return Math.min(capacity, tokens + Math.max(0, now - updated) / nanosPerToken);
    }

    private static long wait(double tokens, double nanosPerToken) {
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * nanosPerToken);
    }
}
