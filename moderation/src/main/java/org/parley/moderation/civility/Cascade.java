package org.parley.moderation.civility;

/**
 * When the semantic stage runs. The lexical stage scores every comment first (microseconds); the
 * sentence encoder (milliseconds) runs only when the lexical stage's strongest attribute, its
 * highest calibrated probability over every {@link Attribute}, lies in {@code [lower, upper)}.
 * Below the band the lexical stage is decisive that the comment is civil, at or above it that it
 * is hostile, and the comment keeps the lexical stage's scores and spans
 * ({@link CivilityScores#semantic()} says {@link CivilityScores.Semantic#SKIPPED}).
 *
 * <p>The band belongs to the weights: {@link #SHIPPED} was chosen for the shipped model from the
 * table that {@code training.Evaluator --cascade true} prints (how many screening decisions each candidate
 * band changes against both stages on every comment, at the default thresholds, and what share of
 * news comments skips the encoder); rerun it and update {@link #SHIPPED} whenever the weights
 * change. See docs/CIVILITY.md ("Cascade").
 *
 * @param lower strongest lexical probability below which the lexical stage is decisive (0: never)
 * @param upper strongest lexical probability from which the lexical stage is decisive (above 1: never)
 */
public record Cascade(double lower, double upper) {
    /** Both stages on every English comment. */
    public static final Cascade OFF = new Cascade(0, 2);

    /**
     * The band of the shipped weights (0.3.0), chosen 2026-11-29 with {@code training.Evaluator --cascade true}
     * (figures in docs/CIVILITY.md): the widest band that changes no screening decision in any set.
     */
    public static final Cascade SHIPPED = new Cascade(0.2, 0.995);

    public Cascade {
        if (!(lower >= 0 && lower <= upper)) {
            throw new IllegalArgumentException("cascade band [" + lower + ", " + upper + ") is not a band");
        }
    }

    /** Whether a comment whose strongest lexical probability is {@code strongest} skips the semantic stage. */
    public boolean decisive(double strongest) {
        return strongest < lower || strongest >= upper;
    }

    /** The strongest of the lexical stage's calibrated probabilities {@code p} (one per attribute). */
    public static double strongest(double[] p) {
        double max = 0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        return max;
    }
}
