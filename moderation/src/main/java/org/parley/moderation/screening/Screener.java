package org.parley.moderation.screening;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.civility.CivilityScores;
import org.parley.moderation.civility.Languages;

/**
 * Screens submissions: the one place that lists the steps, in order. Each step is small and
 * named; a rejecting step is decisive and ends the run, while hold reasons and flags accumulate so
 * that a moderator sees every reason at once. Steps that reject come first, so no comment is scored
 * that would be refused anyway.
 *
 * <p>Immutable and thread-safe when its ports are: one instance serves every request.
 */
public final class Screener {

    private final List<ScreeningStep> steps;

    private Screener(CivilityStep civility, RecentPosts recentPosts, RateLimiter rateLimiter) {
        this.steps = List.of(
                new HygieneStep(),
                new ClosedArticleStep(),
                new AuthorStandingStep(),
                new RateLimitStep(rateLimiter),
                new SanitizeStep(),
                new RepeatPostStep(recentPosts),
                new WordListStep(),
                civility,
                new LinkCountStep(),
                new AuthorTrustStep(),
                new PremoderationStep());
    }

    /**
     * A screener with the shipped civility model, the given history port and rate limiter.
     *
     * @throws IllegalStateException if the shipped civility model cannot be loaded
     */
    public static Screener create(RecentPosts recentPosts, RateLimiter rateLimiter) {
        return create(CivilityScorer.loadDefault(), recentPosts, rateLimiter);
    }

    /** A screener with the given scorer, history port and rate limiter. */
    public static Screener create(CivilityScorer scorer, RecentPosts recentPosts, RateLimiter rateLimiter) {
        Objects.requireNonNull(scorer, "scorer");
        Languages.warmUp();
        return new Screener(
                new CivilityStep(scorer::score),
                Objects.requireNonNull(recentPosts, "recentPosts"),
                Objects.requireNonNull(rateLimiter, "rateLimiter"));
    }

    /** A screener for batch jobs: the shipped model, no history, no rate limit. */
    public static Screener stateless() {
        return create(RecentPosts.none(), RateLimiter.unlimited());
    }

    static Screener withScoring(Function<String, CivilityScores> scorer) {
        return new Screener(CivilityStep.ofEnglish(scorer), RecentPosts.none(), RateLimiter.unlimited());
    }

    /**
     * Screens one submission under its article's site policy.
     *
     * @throws NullPointerException if {@code submission} is null
     */
    public Verdict screen(Submission submission) {
        ScreeningRun run = new ScreeningRun(Objects.requireNonNull(submission, "submission"));
        for (ScreeningStep step : steps) {
            step.apply(run);
            if (run.rejected()) {
                break;
            }
        }
        return run.verdict();
    }

    /** The step names in the order they run. */
    public List<String> stepNames() {
        return steps.stream().map(ScreeningStep::name).toList();
    }
}
