package org.parley.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.parley.web.problem.ProblemException;

/**
 * Limits by who is asking (an author id, a client address, a username) and what they do: token
 * buckets ({@link Rule}: a burst of {@code capacity}, refilled at {@code capacity} per
 * {@code period}) and claims (one owner per key for a window, e.g. one like per comment and
 * address). A refusal is a 429 {@code rate-limited} problem whose {@code Retry-After} says when the
 * next attempt can succeed. The state lives in a {@link LimiterStore}: per instance by default.
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

    private final LimiterStore store;
    private final Clock clock;

    public RateLimiter(Clock clock) {
        this(new LocalLimiterStore(), clock);
    }

    public RateLimiter(LimiterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Takes one token for {@code who} under {@code rule}, or throws 429. */
    public void acquire(Rule rule, String who) {
        refuseAfter(store.take(key(rule, who), rule, nanos()));
    }

    /**
     * Gives back the token an {@link #acquire} took, for actions that count only when they fail:
     * take before trying (so concurrent attempts cannot all pass a check), refund on success.
     */
    public void refund(Rule rule, String who) {
        store.refund(key(rule, who), rule, nanos());
    }

    /**
     * Claims {@code what} for {@code owner} for {@code window}, or throws 429 saying
     * {@code refusal} while another owner holds it. Claiming again as the same owner renews the claim.
     */
    public void claim(String name, String what, String owner, Duration window, String refusal) {
        long wait = store.claim(name + "|" + what, owner, window.toNanos(), nanos());
        if (wait > 0) {
            throw ProblemException.rateLimited(seconds(wait), refusal);
        }
    }

    /** Gives up {@code owner}'s claim on {@code what}. */
    public void release(String name, String what, String owner) {
        store.release(name + "|" + what, owner);
    }

    private static String key(Rule rule, String who) {
        return rule.name() + "|" + who;
    }

    private static void refuseAfter(long waitNanos) {
        if (waitNanos > 0) {
            throw ProblemException.rateLimited(seconds(waitNanos));
        }
    }

    private static long seconds(long waitNanos) {
        return Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
    }

    private long nanos() {
        return Duration.between(Instant.EPOCH, clock.instant()).toNanos();
    }
}
