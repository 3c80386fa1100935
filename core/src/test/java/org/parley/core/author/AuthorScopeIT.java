package org.parley.core.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.ForbiddenException;
import org.parley.core.comment.Comment;
import org.parley.core.comment.NewComment;
import org.parley.core.comment.Screening;
import org.parley.core.review.AuditQuery;
import org.parley.core.review.AuthorHistory;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.DecisionRequest;
import org.parley.core.review.ModerationDecision;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;
import org.parley.core.testing.Fixtures;

/**
 * Authors belong to one site, so that a site's moderators judge its authors and no others; the
 * recent record screening reads is a sliding window; trust is set per author and audited.
 */
@ParameterizedClass
@EnumSource(Database.class)
class AuthorScopeIT extends DatabaseIT {

    @Test
    void guestIsBoundToTheFirstSiteItPostsOnAndRefusedOnAnother() {
        assertNull(core.authors().get(ann.id()).siteKey(), "a new guest belongs to no site yet");
        f.post(ann, "First words on the first site.");
        assertEquals(f.site.key(), core.authors().get(ann.id()).siteKey());

        Fixtures other = new Fixtures(core);
        ForbiddenException refused = assertThrows(ForbiddenException.class, () -> other.post(ann, "Now elsewhere."));
        assertEquals(ForbiddenException.OTHER_SITE, refused.code());
        assertEquals(f.site.key(), core.authors().get(ann.id()).siteKey(), "still bound to the first site");
    }

    @Test
    void externalAuthorIsRefusedOnAnotherSite() {
        Author carol = core.authors().upsertExternal(f.site.key(), "carol-1", "Carol", null);
        Fixtures other = new Fixtures(core);
        assertEquals(
                ForbiddenException.OTHER_SITE,
                assertThrows(ForbiddenException.class, () -> other.post(carol, "Hello from afar."))
                        .code());
    }

    @Test
    void standingChangesAreAuditedUnderTheAuthorsSite() {
        f.post(ann, "Something to be judged by.");
        core.authors()
                .suspend(
                        ann.id(),
                        database.clock().instant().plus(Duration.ofDays(3)),
                        Fixtures.moderator(),
                        "abusive",
                        "three days");
        core.authors().reinstate(ann.id(), Fixtures.moderator(), null);
        List<DecisionAction> onSite = core.review().audit(siteLog(f.site.key())).items().stream()
                .filter(d -> ann.id().equals(d.subject()))
                .map(ModerationDecision::action)
                .toList();
        assertEquals(List.of(DecisionAction.REINSTATE_AUTHOR, DecisionAction.SUSPEND_AUTHOR), onSite);
    }

    @Test
    void trustIsSetAndAuditedWithItsSite() {
        f.post(ann, "A regular contributor.");
        assertEquals(Trust.NORMAL, core.authors().get(ann.id()).trust());
        Author trusted = core.authors().setTrust(ann.id(), Trust.TRUSTED, Fixtures.moderator(), "known expert");
        assertEquals(Trust.TRUSTED, trusted.trust());
        assertEquals(Trust.TRUSTED, core.authors().get(ann.id()).trust());
        ModerationDecision d =
                core.review().audit(siteLog(f.site.key())).items().getFirst();
        assertEquals(DecisionAction.SET_AUTHOR_TRUST, d.action());
        assertEquals("NORMAL", d.from());
        assertEquals("TRUSTED", d.to());
        assertEquals("known expert", d.note());
        assertEquals(f.site.key(), d.siteKey());
    }

    @Test
    void historyCountsOnlyTheAuthorsSite() {
        f.post(ann, "One.");
        f.post(ann, "Two.");
        AuthorHistory h = core.review().authorHistory(ann.id(), 10);
        assertEquals(2, h.recent().size());
        assertEquals(f.site.key(), h.author().siteKey());
        AuthorHistory never = core.review().authorHistory(bob.id(), 10);
        assertEquals(0, never.recent().size(), "an author who never took part has no history");
    }

    @Test
    void oldRejectionsLeaveTheRecentRecordOnceEnoughCommentsAreAccepted() {
        for (int i = 0; i < 10; i++) {
            Comment c = f.postHeld(ann, "Held remark " + i, 0.9);
            core.review()
                    .decide(DecisionRequest.of(
                            c.id(), c.revision(), DecisionAction.REJECT, Fixtures.moderator(), "abusive"));
        }
        assertEquals(new RecentRecord(10, 10), core.authors().recentRecord(ann.id()));
        for (int i = 0; i < 11; i++) {
            Comment c = f.postHeld(ann, "Better remark " + i, 0.1);
            core.review()
                    .decide(DecisionRequest.of(
                            c.id(), c.revision(), DecisionAction.APPROVE, Fixtures.moderator(), null));
        }
        Author author = core.authors().get(ann.id());
        assertEquals(11, author.approvedCount());
        assertEquals(10, author.rejectedCount());
        assertEquals(
                new RecentRecord(20, 9),
                core.authors().recentRecord(ann.id()),
                "the window holds the latest 20 decided comments, not lifetime counts");
        for (int i = 0; i < 9; i++) {
            f.post(ann, "Published remark " + i);
        }
        assertEquals(new RecentRecord(20, 0), core.authors().recentRecord(ann.id()));
    }

    @Test
    void heldAndDeletedCommentsAreNotDecisionsAndOldOnesAgeOut() {
        Comment rejected = core.comments()
                .post(
                        NewComment.topLevel(f.article, ann.id(), "Spam spam"),
                        Screening.reject("<p>Spam spam</p>", List.of("words.banned"), Map.of()));
        f.postHeld(ann, "Waiting for review", 0.5);
        f.post(ann, "Published");
        assertEquals(new RecentRecord(2, 1), core.authors().recentRecord(ann.id()));
        database.clock().advance(Duration.ofDays(RecentRecord.MAX_AGE_DAYS + 1));
        assertEquals(
                new RecentRecord(0, 0),
                core.authors().recentRecord(ann.id()),
                "comments older than the window's age no longer count");
        assertEquals(
                rejected.id(),
                core.review().authorHistory(ann.id(), 10).recent().getLast().id());
    }

    private static AuditQuery siteLog(String site) {
        return new AuditQuery(site, null, null, null, null, null, null, null, null, 50, null);
    }
}
