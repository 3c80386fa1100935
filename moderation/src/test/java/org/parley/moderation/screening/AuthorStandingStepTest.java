package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.parley.moderation.screening.Runs.author;
import static org.parley.moderation.screening.Runs.submission;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorStandingStepTest {

    @Test
    void bannedAuthorIsRejected() {
        ScreeningRun run = new ScreeningRun(submission("hello", author(AuthorStanding.BANNED, 50, 0, 0)));
        new AuthorStandingStep().apply(run);
        assertEquals(List.of(Reasons.AUTHOR_BANNED), run.verdict().reasons());
    }

    @Test
    void suspendedAuthorIsRejected() {
        ScreeningRun run = new ScreeningRun(submission("hello", author(AuthorStanding.SUSPENDED, 50, 0, 0)));
        new AuthorStandingStep().apply(run);
        assertEquals(List.of(Reasons.AUTHOR_SUSPENDED), run.verdict().reasons());
    }

    @Test
    void activeAuthorPasses() {
        ScreeningRun run = new ScreeningRun(submission("hello"));
        new AuthorStandingStep().apply(run);
        assertFalse(run.rejected());
    }
}
