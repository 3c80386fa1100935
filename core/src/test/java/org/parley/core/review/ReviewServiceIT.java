package org.parley.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.ConflictException;
import org.parley.core.InvalidStateException;
import org.parley.core.Page;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.Author;
import org.parley.core.author.Standing;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentEdit;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.NewComment;
import org.parley.core.report.ReportReason;
import org.parley.core.report.ReportService;
import org.parley.core.report.ReportStatus;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;
import org.parley.core.testing.Fixtures;
import org.parley.core.testing.Snapshot;

@ParameterizedClass
@EnumSource(Database.class)
class ReviewServiceIT extends DatabaseIT {
    private final Actor mod = Fixtures.moderator();

    private Comment decide(Comment c, DecisionAction action, String reason) {
        return core.review().decide(DecisionRequest.of(c.id(), c.revision(), action, mod, reason));
    }

    private List<CommentId> queue(Queue queue) {
        return core.review().queue(QueueQuery.of(queue, f.site.key())).items().stream()
                .map(i -> i.comment().id())
                .toList();
    }

    @Test
    void approvingAHeldCommentPublishesItAndRecordsTheModerator() {
        Comment held = f.postHeld(ann, "borderline", 0.7);
        Comment approved = core.review()
                .decide(new DecisionRequest(
                        held.id(), 1, CommentStatus.HELD, DecisionAction.APPROVE, mod, null, "fair point after all"));
        assertEquals(CommentStatus.PUBLISHED, approved.status());
        assertEquals(1, core.authors().get(ann.id()).approvedCount());
        ModerationDecision d = core.review().decisionsFor(held.id()).getLast();
        assertEquals(Actor.Kind.MODERATOR, d.actor().kind());
        assertEquals("mod-1", d.actor().id());
        assertEquals("HELD", d.from());
        assertEquals("PUBLISHED", d.to());
        assertEquals(1, d.revision());
        assertEquals("fair point after all", d.note());
        assertEquals(0.7, d.scores().get("uncivil"));
        assertEquals(f.article, d.article());
    }

    @Test
    void rejectingCountsAgainstTheAuthorAndReversalRestoresTrust() {
        Comment held = f.postHeld(ann, "insult", 0.95);
        Comment rejected = decide(held, DecisionAction.REJECT, "abusive");
        assertEquals(CommentStatus.REJECTED, rejected.status());
        assertEquals(1, core.authors().get(ann.id()).rejectedCount());
        decide(rejected, DecisionAction.APPROVE, null);
        Author after = core.authors().get(ann.id());
        assertEquals(0, after.rejectedCount());
        assertEquals(1, after.approvedCount());
    }

    @Test
    void removingAPublishedCommentUpholdsItsReports() {
        Comment c = f.post(ann, "rude");
        core.reports().report(c.id(), bob.id(), ReportReason.ABUSIVE, null);
        Comment removed = decide(c, DecisionAction.REMOVE, "abusive");
        assertEquals(CommentStatus.REMOVED_BY_MODERATOR, removed.status());
        assertEquals(
                ReportStatus.UPHELD,
                core.reports().reportsFor(c.id()).getFirst().status());
        assertEquals(0, core.articles().get(f.article).publishedComments());
    }

    @Test
    void featuringNeedsAPublishedCommentAndIsAudited() {
        Comment c = f.post(ann, "insightful");
        assertTrue(decide(c, DecisionAction.FEATURE, null).featured());
        assertFalse(decide(c, DecisionAction.UNFEATURE, null).featured());
        assertEquals(
                List.of(DecisionAction.FEATURE, DecisionAction.UNFEATURE),
                core.review().decisionsFor(c.id()).stream()
                        .map(ModerationDecision::action)
                        .toList());
        Comment held = f.postHeld(bob, "held", 0.5);
        Snapshot.refused(f, InvalidStateException.class, () -> decide(held, DecisionAction.FEATURE, null));
    }

    @Test
    void decisionOnAStaleRevisionIsRefusedAndWritesNothing() {
        Comment c = f.postHeld(ann, "v1", 0.6);
        core.comments().edit(new CommentEdit(c.id(), ann.id(), 1, "v2"), Fixtures.hold("v2", 0.6));
        ConflictException e = Snapshot.refused(
                f,
                ConflictException.class,
                () -> core.review().decide(DecisionRequest.of(c.id(), 1, DecisionAction.APPROVE, mod, null)));
        assertEquals(ConflictException.STALE_REVISION, e.code());
        assertEquals(
                CommentStatus.PUBLISHED,
                core.review()
                        .decide(DecisionRequest.of(c.id(), 2, DecisionAction.APPROVE, mod, null))
                        .status());
    }

    @Test
    void decisionOnAChangedStatusIsRefused() {
        Comment c = f.postHeld(ann, "x", 0.6);
        decide(c, DecisionAction.REJECT, "spam");
        assertEquals(
                ConflictException.STATUS_CHANGED,
                Snapshot.refused(
                                f,
                                ConflictException.class,
                                () -> core.review()
                                        .decide(new DecisionRequest(
                                                c.id(),
                                                1,
                                                CommentStatus.HELD,
                                                DecisionAction.APPROVE,
                                                mod,
                                                null,
                                                null)))
                        .code());
    }

    @Test
    void forbiddenTransitionIsRefused() {
        Comment c = f.post(ann, "bye");
        core.comments().deleteOwn(c.id(), ann.id());
        assertEquals(
                InvalidStateException.TRANSITION,
                Snapshot.refused(f, InvalidStateException.class, () -> decide(c, DecisionAction.APPROVE, null))
                        .code());
    }

    /** One comment in each queue (the reported one is also unmoderated). */
    private record Queued(Comment held, Comment fresh, Comment reported, Comment approved, Comment rejected) {}

    private Queued oneInEachQueue() {
        Comment held = f.postHeld(ann, "held", 0.8);
        Comment fresh = f.post(ann, "fresh");
        Comment reported = f.post(ann, "reported");
        Comment approved = f.post(ann, "approved");
        Comment rejected = f.postHeld(ann, "to reject", 0.99);
        core.reports().report(reported.id(), bob.id(), ReportReason.SPAM, null);
        decide(approved, DecisionAction.APPROVE, null);
        decide(rejected, DecisionAction.REJECT, "abusive");
        return new Queued(held, fresh, reported, approved, rejected);
    }

    @Test
    void queuesAreQueriesOverStatusDecisionsAndReports() {
        Queued q = oneInEachQueue();
        Comment held = q.held(),
                fresh = q.fresh(),
                reported = q.reported(),
                approved = q.approved(),
                rejected = q.rejected();
        assertEquals(List.of(held.id()), queue(Queue.HELD));
        assertEquals(List.of(reported.id()), queue(Queue.REPORTED));
        assertEquals(List.of(fresh.id(), reported.id()), queue(Queue.UNMODERATED));
        assertEquals(List.of(approved.id()), queue(Queue.APPROVED));
        assertEquals(List.of(rejected.id()), queue(Queue.REJECTED));
        assertEquals(
                Map.of(
                        Queue.HELD,
                        1L,
                        Queue.REPORTED,
                        1L,
                        Queue.UNMODERATED,
                        2L,
                        Queue.APPROVED,
                        1L,
                        Queue.REJECTED,
                        1L),
                core.review().counts(f.site.key(), null));
        decide(reported, DecisionAction.APPROVE, null);
        assertEquals(List.of(), queue(Queue.REPORTED), "approval dismisses the reports");
        assertEquals(
                ReportStatus.DISMISSED,
                core.reports().reportsFor(reported.id()).getFirst().status());
    }

    @Test
    void queueItemsSayWhatAModeratorMayDoAndWhichQueuesHoldThem() {
        Queued q = oneInEachQueue();
        Comment held = q.held(), fresh = q.fresh(), reported = q.reported(), approved = q.approved();
        for (Queue queue : Queue.values()) {
            List<QueueItem> items =
                    core.review().queue(QueueQuery.of(queue, f.site.key())).items();
            assertFalse(items.isEmpty(), queue.name());
            for (QueueItem item : items) {
                assertTrue(
                        item.queues().contains(queue),
                        queue + " holds " + item.comment().rawBody());
                assertTrue(
                        item.actions().containsAll(queue.bulkActions()),
                        queue + "'s bulk actions are offered on "
                                + item.comment().rawBody() + ": " + item.actions());
            }
        }
        assertEquals(Set.of(Queue.HELD), core.review().queuesOf(held.id()));
        assertEquals(Set.of(Queue.UNMODERATED), core.review().queuesOf(fresh.id()));
        assertEquals(Set.of(Queue.REPORTED, Queue.UNMODERATED), core.review().queuesOf(reported.id()));
        decide(core.comments().get(reported.id()), DecisionAction.APPROVE, null);
        assertEquals(Set.of(Queue.APPROVED), core.review().queuesOf(reported.id()), "keeping it dismisses the reports");
        Comment removed = decide(core.comments().get(approved.id()), DecisionAction.REMOVE, "spam");
        assertEquals(Set.of(), core.review().queuesOf(removed.id()));
        assertEquals(List.of(DecisionAction.APPROVE), DecisionAction.offeredFor(removed.status(), removed.featured()));
    }

    @Test
    void queueItemCarriesArticleParentAuthorAndReports() {
        Comment parent = f.post(bob, "parent");
        Comment reply = core.comments()
                .post(NewComment.reply(f.article, ann.id(), parent.id(), "reply"), Fixtures.hold("reply", 0.9));
        QueueItem item = core.review()
                .queue(QueueQuery.of(Queue.HELD, f.site.key()))
                .items()
                .getFirst();
        assertEquals(reply.id(), item.comment().id());
        assertEquals(parent.id(), item.parent().id());
        assertEquals("Story story", item.articleTitle());
        assertEquals(ann.id(), item.author().id());
        assertTrue(item.reports().isEmpty());
        assertEquals("reply", item.comment().rawBody());
    }

    @Test
    void queueFiltersByArticleAndSortsByScoreOrAge() {
        ArticleRef other = f.newArticle("other");
        Comment low = f.postHeld(ann, "low", 0.3);
        Comment high = f.postHeld(ann, "high", 0.9);
        Comment mid = f.postHeld(ann, "mid", 0.6);
        Comment elsewhere =
                core.comments().post(NewComment.topLevel(other, ann.id(), "there"), Fixtures.hold("there", 0.99));
        QueueQuery q = QueueQuery.of(Queue.HELD, f.site.key());
        assertEquals(
                List.of(low.id(), high.id(), mid.id(), elsewhere.id()),
                ids(core.review().queue(q)));
        assertEquals(
                List.of(elsewhere.id(), mid.id(), high.id(), low.id()),
                ids(core.review().queue(q.withSort(QueueSort.NEWEST))));
        assertEquals(
                List.of(high.id(), mid.id(), low.id()),
                ids(core.review().queue(q.withArticle(f.article).withSort(QueueSort.SCORE))));
        assertEquals(3L, core.review().counts(f.site.key(), f.article).get(Queue.HELD));
        List<CommentId> walked = new ArrayList<>();
        QueueQuery paged = q.withSort(QueueSort.SCORE).withLimit(1);
        Page<QueueItem> page;
        do {
            page = core.review().queue(paged);
            walked.addAll(ids(page));
            paged = paged.withCursor(page.nextCursor());
        } while (page.hasMore());
        assertEquals(List.of(elsewhere.id(), high.id(), mid.id(), low.id()), walked);
    }

    @Test
    void queueSearchFindsTheTextAsTypedAndTheAuthorsNameInAnyCase() {
        Comment annsWildcard = f.postHeld(ann, "Costs 100% more_than before", 0.5);
        Comment annsOther = f.postHeld(ann, "nothing to see", 0.5);
        Comment bobs = f.postHeld(bob, "COSTS went up", 0.5);
        QueueQuery q = QueueQuery.of(Queue.HELD, f.site.key());
        assertEquals(List.of(annsWildcard.id(), bobs.id()), ids(core.review().queue(q.withText("costs"))));
        assertEquals(
                List.of(annsWildcard.id()), ids(core.review().queue(q.withText("100% more_"))), "% and _ are literal");
        assertEquals(List.of(), ids(core.review().queue(q.withText("100%_more"))));
        String annName = "ANN";
        assertEquals(
                List.of(annsWildcard.id(), annsOther.id()), ids(core.review().queue(q.withAuthor(annName))));
        assertEquals(
                List.of(annsWildcard.id()),
                ids(core.review().queue(q.withAuthor(annName).withText("cost"))));
        assertFalse(q.withText("  ").withAuthor("").searched(), "blank searches are no searches");
        assertEquals(
                3L,
                core.review().counts(f.site.key(), null).get(Queue.HELD),
                "counts are the queue's, not the search's");
    }

    @Test
    void auditSubjectsNameTheCommentsAuthorItsTextAndArticleAndTheAuthorDecidedAbout() {
        String longText = "word ".repeat(60);
        Comment held = f.postHeld(ann, longText, 0.5);
        decide(held, DecisionAction.REJECT, "spam");
        core.authors().suspend(bob.id(), database.clock().instant().plus(Duration.ofDays(1)), mod, "cool_off", null);
        List<ModerationDecision> page = core.review().audit(AuditQuery.all(10)).items();
        Map<Long, AuditSubject> subjects = core.review().subjects(page);
        AuditSubject rejection = subjects.get(page.stream()
                .filter(d -> d.action() == DecisionAction.REJECT)
                .findFirst()
                .orElseThrow()
                .id());
        assertEquals("Ann", rejection.commentAuthor());
        assertTrue(rejection.excerpt().length() <= AuditSubject.EXCERPT_LENGTH + 1, rejection.excerpt());
        assertTrue(
                rejection.excerpt().startsWith("word word")
                        && rejection.excerpt().endsWith("d…"),
                rejection.excerpt());
        assertEquals(core.articles().get(f.article).title(), rejection.articleTitle());
        AuditSubject suspension = subjects.get(page.stream()
                .filter(d -> d.action() == DecisionAction.SUSPEND_AUTHOR)
                .findFirst()
                .orElseThrow()
                .id());
        assertEquals("Bob", suspension.subjectName());
        assertNull(suspension.excerpt());
        assertTrue(core.review().subjects(List.of()).isEmpty());
    }

    @Test
    void reportsOfBrandNewGuestIdentitiesWeighLessInTheReportedQueue() {
        Comment byNewGuests = f.post(ann, "reported by three brand-new guests");
        Comment byMember = f.post(ann, "reported by one signed-in reader");
        Comment byOldGuest = f.post(ann, "reported by a guest of last week");
        database.clock().advance(ReportService.NEW_IDENTITY_AGE.plusHours(1));
        for (int i = 0; i < 3; i++) {
            core.reports().report(byNewGuests.id(), f.guest("New " + i).id(), ReportReason.SPAM, null);
        }
        Author member = core.authors().upsertExternal(f.site.key(), "member-" + byMember.id(), "Member", null);
        core.reports().report(byMember.id(), member.id(), ReportReason.ABUSIVE, null);
        core.reports().report(byOldGuest.id(), bob.id(), ReportReason.ABUSIVE, null);

        QueueQuery q = QueueQuery.of(Queue.REPORTED, f.site.key()).withSort(QueueSort.REPORTS);
        Page<QueueItem> page = core.review().queue(q);
        assertEquals(
                List.of(byOldGuest.id(), byMember.id(), byNewGuests.id()),
                ids(page),
                "equal weights by id, newest first; three new identities weigh less than one established reader");
        assertEquals(1.0, page.items().get(0).reportWeight());
        assertEquals(1.0, page.items().get(1).reportWeight());
        assertEquals(3 * ReportService.NEW_IDENTITY_WEIGHT, page.items().get(2).reportWeight());
        assertEquals(
                ReportService.NEW_IDENTITY_WEIGHT,
                page.items().get(2).reports().getFirst().weight());

        List<CommentId> walked = new ArrayList<>();
        QueueQuery paged = q.withLimit(1);
        Page<QueueItem> one;
        do {
            one = core.review().queue(paged);
            walked.addAll(ids(one));
            paged = paged.withCursor(one.nextCursor());
        } while (one.hasMore());
        assertEquals(ids(page), walked, "pages walk the same order");
    }

    private static List<CommentId> ids(Page<QueueItem> page) {
        return page.items().stream().map(i -> i.comment().id()).toList();
    }

    @Test
    void bulkDecisionsSucceedOrFailOneByOne() {
        Comment a = f.postHeld(ann, "a", 0.5);
        Comment b = f.postHeld(ann, "b", 0.5);
        List<BulkResult> results = core.review()
                .decideAll(List.of(
                        DecisionRequest.of(a.id(), 1, DecisionAction.APPROVE, mod, null),
                        DecisionRequest.of(b.id(), 7, DecisionAction.APPROVE, mod, null)));
        assertTrue(results.get(0).succeeded());
        assertEquals(CommentStatus.PUBLISHED, results.get(0).comment().status());
        assertFalse(results.get(1).succeeded());
        assertEquals(ConflictException.STALE_REVISION, results.get(1).errorCode());
        assertEquals(CommentStatus.HELD, core.comments().get(b.id()).status());
    }

    @Test
    void auditLogIsSearchableAndPaginated() {
        Comment a = f.postHeld(ann, "a", 0.5);
        Comment b = f.postHeld(bob, "b", 0.5);
        core.review()
                .decide(new DecisionRequest(a.id(), 1, null, DecisionAction.REJECT, mod, "spam", "Crypto link farm"));
        core.review()
                .decide(new DecisionRequest(
                        b.id(), 1, null, DecisionAction.APPROVE, Actor.moderator("mod-2", "Other"), null, "fine"));
        AuditQuery all = new AuditQuery(f.site.key(), null, null, null, null, null, null, null, null, 10, null);
        assertEquals(4, core.review().audit(all).items().size());
        assertEquals(
                List.of(a.id()),
                core
                        .review()
                        .audit(new AuditQuery(
                                f.site.key(), null, null, "mod-1", null, null, null, null, null, 10, null))
                        .items()
                        .stream()
                        .map(ModerationDecision::comment)
                        .toList());
        assertEquals(
                1,
                core.review()
                        .audit(new AuditQuery(
                                f.site.key(), null, null, null, null, null, "LINK FARM", null, null, 10, null))
                        .items()
                        .size());
        assertEquals(
                1,
                core.review()
                        .audit(new AuditQuery(
                                f.site.key(),
                                null,
                                null,
                                null,
                                DecisionAction.REJECT,
                                "spam",
                                null,
                                null,
                                null,
                                10,
                                null))
                        .items()
                        .size());
        assertEquals(
                2,
                core.review()
                        .audit(new AuditQuery(f.site.key(), b.id(), null, null, null, null, null, null, null, 10, null))
                        .items()
                        .size());
        var now = database.clock().instant();
        assertEquals(
                0,
                core.review()
                        .audit(new AuditQuery(
                                f.site.key(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                now.plus(Duration.ofHours(1)),
                                null,
                                10,
                                null))
                        .items()
                        .size());
        Page<ModerationDecision> first = core.review()
                .audit(new AuditQuery(f.site.key(), null, null, null, null, null, null, null, null, 3, null));
        assertEquals(3, first.items().size());
        Page<ModerationDecision> second = core.review()
                .audit(new AuditQuery(
                        f.site.key(), null, null, null, null, null, null, null, null, 3, first.nextCursor()));
        assertEquals(1, second.items().size());
        assertNull(second.nextCursor());
        assertTrue(first.items().getFirst().id() > second.items().getFirst().id(), "newest first");
    }

    @Test
    void authorHistoryShowsStandingCountsReportsAndRecentComments() {
        Comment a = f.post(ann, "a");
        f.postHeld(ann, "b", 0.9);
        core.reports().report(a.id(), bob.id(), ReportReason.OFF_TOPIC, null);
        AuthorHistory h = core.review().authorHistory(ann.id(), 10);
        assertEquals(1L, h.countsByStatus().get(CommentStatus.PUBLISHED));
        assertEquals(1L, h.countsByStatus().get(CommentStatus.HELD));
        assertEquals(0L, h.countsByStatus().get(CommentStatus.REJECTED));
        assertEquals(1, h.reportsAgainst());
        assertEquals(2, h.recent().size());
        assertEquals("b", h.recent().getFirst().rawBody());
        assertNotNull(h.author().createdAt());
    }

    @Test
    void suspensionAndBanAreAudited() {
        var until = database.clock().instant().plus(Duration.ofDays(1));
        assertEquals(
                Standing.SUSPENDED,
                core.authors().suspend(ann.id(), until, mod, "abusive", "24h").standing());
        core.authors().ban(ann.id(), mod, "spam", null);
        assertEquals(
                Standing.ACTIVE,
                core.authors().reinstate(ann.id(), mod, "appeal").standing());
        List<DecisionAction> actions = core
                .review()
                .audit(new AuditQuery(null, null, ann.id(), null, null, null, null, null, null, 10, null))
                .items()
                .stream()
                .map(ModerationDecision::action)
                .toList();
        assertEquals(
                List.of(DecisionAction.REINSTATE_AUTHOR, DecisionAction.BAN_AUTHOR, DecisionAction.SUSPEND_AUTHOR),
                actions);
    }
}
