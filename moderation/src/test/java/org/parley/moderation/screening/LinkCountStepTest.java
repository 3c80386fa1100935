package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.moderation.screening.Runs.author;
import static org.parley.moderation.screening.Runs.prepared;
import static org.parley.moderation.screening.Runs.submission;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkCountStepTest {

    private final String threeLinks = "https://a.example https://b.example https://c.example";

    @Test
    void tooManyLinksHold() {
        ScreeningRun run =
                prepared(submission(threeLinks, SitePolicy.builder().maxLinks(2).build()));
        new LinkCountStep().apply(run);
        assertEquals(List.of(Reasons.LINKS_TOO_MANY), run.verdict().reasons());
        assertEquals("3 links, at most 2", run.verdict().details().get(Reasons.LINKS_TOO_MANY));
    }

    @Test
    void linksWithinTheLimitPass() {
        ScreeningRun run = prepared(submission(threeLinks));
        new LinkCountStep().apply(run);
        assertEquals(Decision.PUBLISH, run.verdict().decision());
    }

    @Test
    void trustedAuthorsMayPostMoreLinks() {
        Submission s = Submission.of(
                threeLinks,
                author(AuthorStanding.ACTIVE, 3, 0, 0, AuthorFlag.TRUSTED),
                ArticleContext.open("a", SitePolicy.builder().maxLinks(1).build()));
        ScreeningRun run = prepared(s);
        new LinkCountStep().apply(run);
        assertEquals(Decision.PUBLISH, run.verdict().decision());
    }
}
