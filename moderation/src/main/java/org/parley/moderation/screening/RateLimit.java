package org.parley.moderation.screening;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: an author may post {@code burst} comments at once, and gains one more every
 * {@code refillEvery}, up to {@code burst}.
 *
 * @param burst how many posts in a row are allowed, at least 1
 * @param refillEvery how long it takes to earn one post back, positive
 */
public record RateLimit(int burst, Duration refillEvery) {

    /** Five posts at once, then one every twenty seconds (three a minute). */
    public static final RateLimit DEFAULT = new RateLimit(5, Duration.ofSeconds(20));

    /**
     * @throws IllegalArgumentException if {@code burst} is below 1 or {@code refillEvery} is not positive
     */
    public RateLimit {
        Objects.requireNonNull(refillEvery, "refillEvery");
        if (burst < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException(
                    "rate limit needs burst >= 1 and a positive refill: " + burst + ", " + refillEvery);
        }
    }
}
