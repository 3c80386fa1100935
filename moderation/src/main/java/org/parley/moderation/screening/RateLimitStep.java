package org.parley.moderation.screening;

import java.util.Objects;

/** Rate limit: each submission that got this far takes one post from the author's allowance. */
record RateLimitStep(RateLimiter limiter) implements ScreeningStep {

    RateLimitStep {
        Objects.requireNonNull(limiter, "limiter");
    }

    @Override
    public String name() {
        return "rate-limit";
    }

    @Override
    public void apply(ScreeningRun run) {
        RateLimit limit = run.policy().rateLimit();
        if (!limiter.tryAcquire(run.submission().author().id(), limit)) {
            run.reject(Reasons.RATE_LIMITED, name());
            run.detail(
                    Reasons.RATE_LIMITED,
                    limit.burst() + " posts, then one every "
                            + limit.refillEvery().toSeconds() + " s");
        }
    }
}
