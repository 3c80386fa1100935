package org.parley.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.ConflictException;
import org.parley.core.ForbiddenException;
import org.parley.core.InvalidStateException;
import org.parley.core.NotFoundException;
import org.parley.core.ParleyException;
import org.parley.core.ValidationException;
import org.parley.core.article.ArticleDraft;
import org.parley.core.article.ArticleRef;
import org.parley.core.article.DiscussionState;
import org.parley.core.author.Author;
import org.parley.core.author.AuthorId;
import org.parley.core.review.AuditQuery;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.DecisionRequest;
import org.parley.core.review.ModerationDecision;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.SiteSettings;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;
import org.parley.core.testing.Fixtures;
import org.parley.core.testing.Snapshot;

@ParameterizedClass
@EnumSource(Database.class)
class CommentServiceIT extends DatabaseIT {
    @Override
    protected Fixtures fixtures() {
        return new Fixtures(core, SiteSettings.defaults().withMaxBodyLength(200), ModerationMode.POST_MODERATION);
    }

    @Test
    void publishVerdictPublishesAndStoresRawAndSafeHtmlSideBySide() {
        Comment c = core.comments()
                .post(
                        NewComment.topLevel(f.article, ann.id(), "Hi <b>there</b>"),
                        Screening.publish("<p>Hi there</p>"));
        assertEquals(CommentStatus.PUBLISHED, c.status());
        assertEquals("Hi <b>there</b>", c.rawBody());
        assertEquals("<p>Hi there</p>", c.html());
        assertEquals(1, c.revision());
        assertEquals(0, c.depth());
        assertEquals(c.id(), c.rootId());
        assertEquals(1, core.articles().get(f.article).publishedComments());
    }

    @Test
    void holdVerdictHoldsAndWritesASystemDecision() {
        Comment c = f.postHeld(ann, "cool story", 0.91);
        assertEquals(CommentStatus.HELD, c.status());
        assertEquals(Map.of("uncivil", 0.91), c.scores());
        List<ModerationDecision> log = core.review().decisionsFor(c.id());
        assertEquals(1, log.size());
        ModerationDecision d = log.getFirst();
        assertEquals(DecisionAction.SCREEN, d.action());
        assertEquals("system", d.actor().id());
        assertEquals("HELD", d.to());
        assertEquals("civility.dismissive", d.reasonCode());
        assertEquals(0.91, d.scores().get("uncivil"));
        assertEquals(0, core.articles().get(f.article).publishedComments());
    }

    @Test
    void rejectVerdictIsRecordedAsRejectedAndCountsAgainstTheAuthor() {
        Comment c = core.comments()
                .post(
                        NewComment.topLevel(f.article, ann.id(), "spam spam"),
                        Screening.reject("<p>spam spam</p>", List.of("words.banned"), Map.of()));
        assertEquals(CommentStatus.REJECTED, c.status());
        assertEquals(1, core.authors().get(ann.id()).rejectedCount());
        assertEquals("REJECTED", core.review().decisionsFor(c.id()).getFirst().to());
    }

    @Test
    void preModerationHoldsEvenPublishableComments() {
        Fixtures pre = new Fixtures(core, SiteSettings.defaults(), ModerationMode.PRE_MODERATION);
        Comment c = pre.post(ann, "perfectly civil");
        assertEquals(CommentStatus.HELD, c.status());
        assertEquals(
                "pre-moderation", core.review().decisionsFor(c.id()).getFirst().reasonCode());
    }

    @Test
    void articleOverrideBeatsSiteModerationMode() {
        core.articles()
                .update(new ArticleDraft(
                        f.article, "https://news.example/x", "Title", null, null, ModerationMode.PRE_MODERATION));
        assertEquals(CommentStatus.HELD, f.post(ann, "hello").status());
    }

    @Test
    void repliesNestUnderTheirParentAtAnyDepth() {
        Comment root = f.post(ann, "root");
        Comment a = f.reply(bob, root.id(), "a");
        Comment b = f.reply(ann, a.id(), "b");
        Comment c = f.reply(bob, b.id(), "c");
        assertEquals(3, c.depth());
        assertEquals(root.id(), c.rootId());
        assertEquals(b.id(), c.parentId());
        assertEquals(3, core.comments().get(root.id()).replyCount());
        assertEquals(2, core.comments().get(a.id()).replyCount());
        assertEquals(0, core.comments().get(c.id()).replyCount());
    }

    @Test
    void heldReplyDoesNotCountUntilApproved() {
        Comment root = f.post(ann, "root");
        Comment held = core.comments()
                .post(NewComment.reply(f.article, bob.id(), root.id(), "meh"), Fixtures.hold("meh", 0.8));
        assertEquals(0, core.comments().get(root.id()).replyCount());
        core.review().decide(DecisionRequest.of(held.id(), 1, DecisionAction.APPROVE, Fixtures.moderator(), null));
        assertEquals(1, core.comments().get(root.id()).replyCount());
        assertEquals(2, core.articles().get(f.article).publishedComments());
    }

    // --- bad input: typed exception, nothing written -------------------------------------------

    private <T extends ParleyException> T refused(Class<T> type, Executable action) {
        return Snapshot.refused(f, type, action);
    }

    @Test
    void emptyBodyIsRefused() {
        f.post(ann, "existing");
        assertEquals(
                "body",
                refused(
                                ValidationException.class,
                                () -> core.comments()
                                        .post(
                                                new NewComment(f.article, ann.id(), null, "   ", null),
                                                Fixtures.publish("x")))
                        .field());
    }

    @Test
    void oversizeBodyIsRefused() {
        assertEquals(
                "body",
                refused(ValidationException.class, () -> f.post(ann, "x".repeat(201)))
                        .field());
    }

    @Test
    void unknownArticleIsRefused() {
        NotFoundException e = refused(
                NotFoundException.class,
                () -> core.comments()
                        .post(
                                NewComment.topLevel(ArticleRef.of(f.site.key(), "nope"), ann.id(), "hi"),
                                Fixtures.publish("hi")));
        assertEquals("article", e.kind());
    }

    @Test
    void unknownAuthorIsRefused() {
        assertEquals(
                "author",
                refused(
                                NotFoundException.class,
                                () -> core.comments()
                                        .post(
                                                NewComment.topLevel(f.article, AuthorId.random(), "hi"),
                                                Fixtures.publish("hi")))
                        .kind());
    }

    @Test
    void replyToCommentOfAnotherArticleIsRefused() {
        ArticleRef other = f.newArticle("other");
        Comment elsewhere =
                core.comments().post(NewComment.topLevel(other, ann.id(), "there"), Fixtures.publish("there"));
        assertEquals(
                "parentId",
                refused(ValidationException.class, () -> f.reply(bob, elsewhere.id(), "here"))
                        .field());
    }

    @Test
    void replyToUnknownCommentIsRefused() {
        assertEquals(
                "parentId",
                refused(ValidationException.class, () -> f.reply(bob, CommentId.of(Long.MAX_VALUE / 2), "here"))
                        .field());
    }

    @Test
    void replyToDeletedCommentIsRefused() {
        Comment c = f.post(ann, "soon gone");
        core.comments().deleteOwn(c.id(), ann.id());
        assertEquals(
                InvalidStateException.PARENT_NOT_PUBLISHED,
                refused(InvalidStateException.class, () -> f.reply(bob, c.id(), "too late"))
                        .code());
    }

    @Test
    void replyToHeldCommentIsRefused() {
        Comment held = f.postHeld(ann, "held", 0.9);
        refused(InvalidStateException.class, () -> f.reply(bob, held.id(), "hidden parent"));
    }

    @Test
    void postingToAClosedDiscussionIsRefused() {
        core.articles().changeState(f.article, DiscussionState.CLOSED);
        assertEquals(
                InvalidStateException.DISCUSSION_CLOSED,
                refused(InvalidStateException.class, () -> f.post(ann, "anyone?"))
                        .code());
    }

    @Test
    void bannedAuthorCannotPost() {
        core.authors().ban(ann.id(), Fixtures.moderator(), "spam", null);
        assertEquals(
                ForbiddenException.AUTHOR_BANNED,
                refused(ForbiddenException.class, () -> f.post(ann, "hi")).code());
    }

    @Test
    void suspendedAuthorCannotPostUntilTheSuspensionEnds() {
        core.authors()
                .suspend(
                        ann.id(),
                        database.clock().instant().plus(Duration.ofHours(1)),
                        Fixtures.moderator(),
                        "abusive",
                        "cool down");
        assertEquals(
                ForbiddenException.AUTHOR_SUSPENDED,
                refused(ForbiddenException.class, () -> f.post(ann, "hi")).code());
        database.clock().advance(Duration.ofHours(2));
        assertEquals(CommentStatus.PUBLISHED, f.post(ann, "back").status());
    }

    @Test
    void guestsCannotPostWhereTheSiteRequiresSignIn() {
        Fixtures members =
                new Fixtures(core, SiteSettings.defaults().withAllowGuests(false), ModerationMode.POST_MODERATION);
        assertThrows(ForbiddenException.class, () -> members.post(ann, "hi"));
        Author member =
                core.authors().upsertExternal(members.site.key(), "user-7", "Member Seven", "seven@news.example");
        assertEquals(CommentStatus.PUBLISHED, members.post(member, "hi").status());
    }

    // --- edit -----------------------------------------------------------------------------------

    @Test
    void authorEditsWithinTheWindowAndEveryRevisionIsKept() {
        Comment c = f.post(ann, "frist");
        Comment edited = core.comments().edit(new CommentEdit(c.id(), ann.id(), 1, "first"), Fixtures.publish("first"));
        assertEquals(2, edited.revision());
        assertEquals("first", edited.rawBody());
        assertTrue(edited.editedAt() != null);
        List<Revision> revisions = core.comments().revisions(c.id());
        assertEquals(
                List.of("frist", "first"),
                revisions.stream().map(Revision::rawBody).toList());
    }

    @Test
    void editAfterTheWindowIsRefused() {
        Comment c = f.post(ann, "typo");
        database.clock().advance(Duration.ofMinutes(16));
        assertEquals(
                InvalidStateException.EDIT_WINDOW_PASSED,
                refused(
                                InvalidStateException.class,
                                () -> core.comments()
                                        .edit(new CommentEdit(c.id(), ann.id(), 1, "fixed"), Fixtures.publish("fixed")))
                        .code());
    }

    @Test
    void editOnAStaleRevisionIsRefused() {
        Comment c = f.post(ann, "v1");
        core.comments().edit(new CommentEdit(c.id(), ann.id(), 1, "v2"), Fixtures.publish("v2"));
        assertEquals(
                ConflictException.STALE_REVISION,
                refused(
                                ConflictException.class,
                                () -> core.comments()
                                        .edit(new CommentEdit(c.id(), ann.id(), 1, "v2 again"), Fixtures.publish("x")))
                        .code());
    }

    @Test
    void onlyTheAuthorMayEdit() {
        Comment c = f.post(ann, "mine");
        assertEquals(
                ForbiddenException.NOT_AUTHOR,
                refused(
                                ForbiddenException.class,
                                () -> core.comments()
                                        .edit(new CommentEdit(c.id(), bob.id(), 1, "yours"), Fixtures.publish("yours")))
                        .code());
    }

    @Test
    void editThatScreeningHoldsIsHeldWithASystemDecision() {
        Comment c = f.post(ann, "fine");
        Comment edited = core.comments()
                .edit(new CommentEdit(c.id(), ann.id(), 1, "you idiot"), Fixtures.hold("you idiot", 0.95));
        assertEquals(CommentStatus.HELD, edited.status());
        assertEquals(0, core.articles().get(f.article).publishedComments());
        ModerationDecision last = core.review().decisionsFor(c.id()).getLast();
        assertEquals("PUBLISHED", last.from());
        assertEquals("HELD", last.to());
        assertEquals(2, last.revision());
    }

    @Test
    void editOfHeldCommentStaysHeldForTheModerator() {
        Comment c = f.postHeld(ann, "meh", 0.7);
        Comment edited =
                core.comments().edit(new CommentEdit(c.id(), ann.id(), 1, "better"), Fixtures.publish("better"));
        assertEquals(CommentStatus.HELD, edited.status());
    }

    // --- delete, react, idempotency ------------------------------------------------------------

    @Test
    void authorDeletesOwnCommentAndItLeavesTheCounts() {
        Comment root = f.post(ann, "root");
        Comment reply = f.reply(bob, root.id(), "reply");
        Comment deleted = core.comments().deleteOwn(reply.id(), bob.id());
        assertEquals(CommentStatus.DELETED_BY_AUTHOR, deleted.status());
        assertEquals(0, core.comments().get(root.id()).replyCount());
        assertEquals(1, core.articles().get(f.article).publishedComments());
        assertEquals(
                DecisionAction.AUTHOR_DELETE,
                core.review().decisionsFor(reply.id()).getLast().action());
        assertThrows(InvalidStateException.class, () -> core.comments().deleteOwn(reply.id(), bob.id()));
    }

    @Test
    void nobodyElseMayDeleteAComment() {
        Comment c = f.post(ann, "mine");
        refused(ForbiddenException.class, () -> core.comments().deleteOwn(c.id(), bob.id()));
    }

    @Test
    void reactingTwiceCountsOnceAndWithdrawingUndoesIt() {
        Comment c = f.post(ann, "like me");
        assertEquals(1, core.comments().react(c.id(), bob.id()).count());
        assertEquals(1, core.comments().react(c.id(), bob.id()).count());
        assertEquals(1, core.comments().get(c.id()).reactionCount());
        Reaction after = core.comments().unreact(c.id(), bob.id());
        assertEquals(0, after.count());
        assertFalse(after.reacted());
        assertEquals(0, core.comments().unreact(c.id(), bob.id()).count());
    }

    @Test
    void authorsCannotReactToTheirOwnComments() {
        Comment c = f.post(ann, "me");
        assertEquals(
                ForbiddenException.OWN_COMMENT,
                assertThrows(ForbiddenException.class, () -> core.comments().react(c.id(), ann.id()))
                        .code());
    }

    @Test
    void sameRequestKeyReturnsTheFirstCommentInsteadOfADuplicate() {
        NewComment request = NewComment.topLevel(f.article, ann.id(), "once").withRequestKey("key-1");
        Comment first = core.comments().post(request, Fixtures.publish("once"));
        Comment again = core.comments().post(request, Fixtures.publish("once"));
        assertEquals(first.id(), again.id());
        assertEquals(1, core.articles().get(f.article).publishedComments());
        assertEquals(
                first.id(),
                core.comments()
                        .findByRequestKey(ann.id(), "key-1")
                        .orElseThrow()
                        .id());
    }

    @Test
    void unknownCommentIsNotFound() {
        assertEquals(
                "comment",
                assertThrows(NotFoundException.class, () -> core.comments().get(CommentId.of(Long.MAX_VALUE - 1)))
                        .kind());
        assertNull(f.post(ann, "x").parentId());
    }

    @Test
    void auditLogFindsTheScreeningOfThisSite() {
        f.postHeld(ann, "hmm", 0.6);
        assertEquals(
                1,
                core.review()
                        .audit(new AuditQuery(
                                f.site.key(), null, null, "system", null, null, null, null, null, 10, null))
                        .items()
                        .size());
    }

    @Test
    void aSeededCommentCanBeDatedBackButNotIntoTheFutureOrBeforeItsParent() {
        Comment parent = f.post(ann, "The first remark");
        Comment reply = f.reply(bob, parent.id(), "A reply to it");
        Instant twoDaysAgo = parent.createdAt().minus(Duration.ofDays(2));
        Comment moved = core.comments().backdate(parent.id(), twoDaysAgo);
        assertEquals(twoDaysAgo, moved.createdAt());
        assertEquals(twoDaysAgo, core.comments().get(parent.id()).createdAt());
        assertThrows(
                ValidationException.class, () -> core.comments().backdate(reply.id(), twoDaysAgo.minusSeconds(60)));
        assertThrows(
                ValidationException.class,
                () -> core.comments().backdate(reply.id(), reply.createdAt().plus(Duration.ofDays(1))));
        assertEquals(
                twoDaysAgo.plusSeconds(3600),
                core.comments()
                        .backdate(reply.id(), twoDaysAgo.plusSeconds(3600))
                        .createdAt());
    }
}
