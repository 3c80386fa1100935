package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PremoderationStepTest {

    @Test
    void premoderatedArticleHoldsEverything() {
        ScreeningRun run = new ScreeningRun(
                Submission.of("hello", Runs.REGULAR, new ArticleContext("a", true, true, SitePolicy.defaults())));
        new PremoderationStep().apply(run);
        assertEquals(List.of(Reasons.ARTICLE_PREMODERATED), run.verdict().reasons());
    }
}
