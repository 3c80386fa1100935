package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.parley.moderation.screening.Runs.submission;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitStepTest {

    @Test
    void authorOverTheLimitIsRejectedButOthersAreNot() {
        RateLimitStep step = new RateLimitStep(TokenBucketRateLimiter.create());
        SitePolicy policy = SitePolicy.builder()
                .rateLimit(new RateLimit(2, Duration.ofHours(1)))
                .build();
        for (int i = 0; i < 2; i++) {
            ScreeningRun ok = new ScreeningRun(submission("post " + i, policy));
            step.apply(ok);
            assertFalse(ok.rejected());
        }
        ScreeningRun third = new ScreeningRun(submission("post 3", policy));
        step.apply(third);
        assertEquals(List.of(Reasons.RATE_LIMITED), third.verdict().reasons());
        ScreeningRun someoneElse = new ScreeningRun(
                Submission.of("hi", AuthorContext.newcomer("other"), ArticleContext.open("a", policy)));
        step.apply(someoneElse);
        assertFalse(someoneElse.rejected());
    }
}
