package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.parley.moderation.screening.Runs.submission;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedArticleStepTest {

    @Test
    void closedDiscussionRejects() {
        Submission s =
                Submission.of("hello", Runs.REGULAR, new ArticleContext("a", false, false, SitePolicy.defaults()));
        ScreeningRun run = new ScreeningRun(s);
        new ClosedArticleStep().apply(run);
        assertEquals(List.of(Reasons.ARTICLE_CLOSED), run.verdict().reasons());
    }

    @Test
    void openDiscussionPasses() {
        ScreeningRun run = new ScreeningRun(submission("hello"));
        new ClosedArticleStep().apply(run);
        assertFalse(run.rejected());
    }
}
