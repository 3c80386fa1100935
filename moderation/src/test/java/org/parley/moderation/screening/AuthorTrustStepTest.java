package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.moderation.screening.Runs.author;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorTrustStepTest {

    private final SitePolicy firstTwoReviewed =
            SitePolicy.builder().newAuthorApprovals(2).build();

    private Verdict screen(AuthorContext author, SitePolicy policy) {
        ScreeningRun run = new ScreeningRun(Submission.of("hello", author, ArticleContext.open("a", policy)));
        new AuthorTrustStep().apply(run);
        return run.verdict();
    }

    @Test
    void newAuthorIsHeldUntilEnoughApprovals() {
        assertEquals(
                List.of(Reasons.AUTHOR_NEW),
                screen(author(AuthorStanding.ACTIVE, 1, 0, 0), firstTwoReviewed).reasons());
        assertEquals(
                Decision.PUBLISH,
                screen(author(AuthorStanding.ACTIVE, 2, 0, 0), firstTwoReviewed).decision());
    }

    @Test
    void trustedAuthorSkipsNewAuthorReview() {
        assertEquals(
                Decision.PUBLISH,
                screen(author(AuthorStanding.ACTIVE, 0, 0, 0, AuthorFlag.TRUSTED), firstTwoReviewed)
                        .decision());
    }

    @Test
    void alwaysPremoderatedAuthorIsHeldWhateverTheRecord() {
        assertEquals(
                List.of(Reasons.AUTHOR_PREMODERATED),
                screen(author(AuthorStanding.ACTIVE, 500, 0, 0, AuthorFlag.ALWAYS_PREMODERATE), SitePolicy.defaults())
                        .reasons());
    }

    @Test
    void highRecentRejectionRateHolds() {
        Verdict v = screen(author(AuthorStanding.ACTIVE, 40, 6, 3), SitePolicy.defaults());
        assertEquals(List.of(Reasons.AUTHOR_REJECTION_RATE), v.reasons());
        assertEquals("3 of 6 recent comments rejected", v.details().get(Reasons.AUTHOR_REJECTION_RATE));
    }

    @Test
    void rejectionRateNeedsEnoughDecisions() {
        assertEquals(
                Decision.PUBLISH,
                screen(author(AuthorStanding.ACTIVE, 40, 2, 2), SitePolicy.defaults())
                        .decision());
    }
}
