package org.parley.core.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.NotFoundException;
import org.parley.core.ValidationException;
import org.parley.core.article.ArticleRef;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.NewComment;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.DecisionRequest;
import org.parley.core.site.ModerationMode;
import org.parley.core.site.SiteSettings;
import org.parley.core.support.Cursors;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;
import org.parley.core.testing.Fixtures;

@ParameterizedClass
@EnumSource(Database.class)
class ThreadServiceIT extends DatabaseIT {
    @Override
    protected Fixtures fixtures() {
        return new Fixtures(core, SiteSettings.defaults().withMaxDepth(2), ModerationMode.POST_MODERATION);
    }

    private ThreadPage read(ThreadQuery q) {
        return core.threads().read(q);
    }

    private static List<CommentId> ids(ThreadPage page) {
        return page.comments().stream().map(n -> n.comment().id()).toList();
    }

    @Test
    void readersSeeOnlyPublishedComments() {
        Comment visible = f.post(ann, "visible");
        f.postHeld(bob, "held", 0.9);
        ThreadPage page = read(ThreadQuery.firstPage(f.article));
        assertEquals(List.of(visible.id()), ids(page));
        assertEquals(1, page.publishedComments());
    }

    @Test
    void authorAlsoSeesTheirOwnHeldComments() {
        Comment visible = f.post(ann, "visible");
        Comment held = f.postHeld(bob, "held", 0.9);
        Comment heldReply = core.comments()
                .post(
                        NewComment.reply(f.article, bob.id(), visible.id(), "held reply"),
                        Fixtures.hold("held reply", 0.9));
        ThreadPage forBob = read(ThreadQuery.firstPage(f.article).withViewer(bob.id()));
        assertEquals(List.of(held.id(), visible.id()), ids(forBob));
        assertTrue(forBob.comments().getFirst().mine());
        assertEquals("<p>held</p>", forBob.comments().getFirst().comment().html());
        assertEquals(
                heldReply.id(),
                forBob.comments().get(1).replies().getFirst().comment().id());
        ThreadPage forAnn = read(ThreadQuery.firstPage(f.article).withViewer(ann.id()));
        assertEquals(List.of(visible.id()), ids(forAnn));
        assertTrue(forAnn.comments().getFirst().replies().isEmpty());
    }

    @Test
    void aReaderSeesWhichCommentsTheyLikedAndNobodyElseDoes() {
        Comment liked = f.post(ann, "liked");
        Comment reply = core.comments()
                .post(
                        NewComment.reply(f.article, ann.id(), liked.id(), "liked reply"),
                        Fixtures.publish("liked reply"));
        Comment other = f.post(ann, "not liked");
        core.comments().react(liked.id(), bob.id());
        core.comments().react(reply.id(), bob.id());
        ThreadPage forBob = read(ThreadQuery.firstPage(f.article).withViewer(bob.id()));
        assertEquals(List.of(other.id(), liked.id()), ids(forBob));
        assertFalse(forBob.comments().get(0).reacted());
        assertTrue(forBob.comments().get(1).reacted());
        assertTrue(forBob.comments().get(1).replies().getFirst().reacted());
        assertTrue(
                core.threads()
                        .replies(liked.id(), bob.id(), null, 10)
                        .comments()
                        .getFirst()
                        .reacted(),
                "the replies listing says so too");
        assertFalse(read(ThreadQuery.firstPage(f.article).withViewer(ann.id()))
                .comments()
                .get(1)
                .reacted());
        assertFalse(read(ThreadQuery.firstPage(f.article)).comments().get(1).reacted());
        core.comments().unreact(liked.id(), bob.id());
        assertFalse(
                read(ThreadQuery.firstPage(f.article).withViewer(bob.id()))
                        .comments()
                        .get(1)
                        .reacted(),
                "a withdrawn like is no longer shown");
    }

    @Test
    void repliesNestToTheSiteDepthAndDeeperOnesAreFlattened() {
        Comment root = f.post(ann, "root");
        Comment d1 = f.reply(bob, root.id(), "d1");
        Comment d2 = f.reply(ann, d1.id(), "d2");
        Comment d3 = f.reply(bob, d2.id(), "d3");
        ThreadNode node = read(ThreadQuery.firstPage(f.article)).comments().getFirst();
        ThreadNode n1 = node.replies().getFirst();
        assertEquals(d1.id(), n1.comment().id());
        List<CommentId> level2 =
                n1.replies().stream().map(n -> n.comment().id()).toList();
        assertEquals(List.of(d2.id(), d3.id()), level2, "depth 3 is shown beside depth 2 at the site's max depth 2");
        assertEquals(
                d2.id(), n1.replies().get(1).comment().parentId(), "the flattened reply still names its real parent");
        ThreadNode deep =
                read(ThreadQuery.firstPage(f.article).withDepth(3)).comments().getFirst();
        assertEquals(
                d3.id(),
                deep.replies()
                        .getFirst()
                        .replies()
                        .getFirst()
                        .replies()
                        .getFirst()
                        .comment()
                        .id());
    }

    @Test
    void deletedCommentWithRepliesStaysAsAPlaceholder() {
        Comment root = f.post(ann, "root");
        Comment reply = f.reply(bob, root.id(), "reply");
        Comment lonely = f.post(ann, "lonely");
        core.comments().deleteOwn(root.id(), ann.id());
        core.comments().deleteOwn(lonely.id(), ann.id());
        ThreadPage page = read(ThreadQuery.firstPage(f.article));
        assertEquals(List.of(root.id()), ids(page));
        ThreadNode placeholder = page.comments().getFirst();
        assertNull(placeholder.comment().html());
        assertNull(placeholder.comment().rawBody());
        assertEquals(CommentStatus.DELETED_BY_AUTHOR, placeholder.comment().status());
        assertEquals(reply.id(), placeholder.replies().getFirst().comment().id());
    }

    @Test
    void sortsOrderTopLevelComments() {
        Comment a = f.post(ann, "a");
        Comment b = f.post(ann, "b");
        Comment c = f.post(ann, "c");
        core.comments().react(b.id(), bob.id());
        f.reply(bob, c.id(), "r1");
        f.reply(bob, c.id(), "r2");
        f.reply(bob, a.id(), "r3");
        assertEquals(List.of(c.id(), b.id(), a.id()), ids(read(ThreadQuery.firstPage(f.article))));
        assertEquals(
                List.of(a.id(), b.id(), c.id()),
                ids(read(ThreadQuery.firstPage(f.article).withSort(ThreadSort.OLDEST))));
        assertEquals(
                b.id(),
                ids(read(ThreadQuery.firstPage(f.article).withSort(ThreadSort.TOP)))
                        .getFirst());
        assertEquals(
                List.of(c.id(), a.id(), b.id()),
                ids(read(ThreadQuery.firstPage(f.article).withSort(ThreadSort.MOST_REPLIES))));
    }

    @Test
    void cursorWalksEveryCommentOnceInEachSort() {
        List<CommentId> posted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            posted.add(f.post(ann, "c" + i).id());
        }
        for (ThreadSort sort : ThreadSort.values()) {
            List<CommentId> seen = new ArrayList<>();
            ThreadQuery q = ThreadQuery.firstPage(f.article).withSort(sort).withLimit(3);
            ThreadPage page;
            do {
                page = read(q);
                seen.addAll(ids(page));
                q = q.withCursor(page.nextCursor());
            } while (page.nextCursor() != null);
            assertEquals(new HashSet<>(posted), new HashSet<>(seen), sort.name());
            assertEquals(posted.size(), seen.size(), sort + ": no comment twice");
        }
    }

    @Test
    void paginationIsStableWhileOthersPost() {
        for (int i = 0; i < 6; i++) {
            f.post(ann, "before " + i);
        }
        for (ThreadSort sort : List.of(ThreadSort.NEWEST, ThreadSort.OLDEST, ThreadSort.TOP, ThreadSort.MOST_REPLIES)) {
            ThreadPage first =
                    read(ThreadQuery.firstPage(f.article).withSort(sort).withLimit(4));
            Set<CommentId> existing = new HashSet<>(
                    ids(read(ThreadQuery.firstPage(f.article).withSort(sort).withLimit(100))));
            f.post(bob, "arrives between pages for " + sort);
            ThreadPage second = read(ThreadQuery.firstPage(f.article)
                    .withSort(sort)
                    .withLimit(100)
                    .withCursor(first.nextCursor()));
            List<CommentId> all = new ArrayList<>(ids(first));
            all.addAll(ids(second));
            if (sort != ThreadSort.OLDEST) {
                assertEquals(existing, new HashSet<>(all), sort + ": exactly the comments of the first read");
            }
            assertEquals(new HashSet<>(all).size(), all.size(), sort + ": no duplicates");
            assertTrue(all.containsAll(existing), sort + ": nothing skipped");
        }
    }

    @Test
    void manyRepliesAreCutAndFetchedWithTheMoreRepliesCursor() {
        Comment root = f.post(ann, "root");
        List<CommentId> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(f.reply(bob, root.id(), "r" + i).id());
        }
        ThreadNode node = read(ThreadQuery.firstPage(f.article).withRepliesPerComment(2))
                .comments()
                .getFirst();
        assertEquals(
                replies.subList(0, 2),
                node.replies().stream().map(n -> n.comment().id()).toList());
        assertNotNull(node.moreRepliesCursor());
        ThreadPage rest = core.threads().replies(root.id(), null, node.moreRepliesCursor(), 10);
        assertEquals(replies.subList(2, 5), ids(rest));
        assertNull(rest.nextCursor());
        assertThrows(
                ValidationException.class,
                () -> core.threads().replies(replies.getFirst(), null, node.moreRepliesCursor(), 10));
    }

    @Test
    void countsManyArticlesAtOnce() {
        ArticleRef second = f.newArticle("second");
        f.post(ann, "one");
        f.post(ann, "two");
        f.postHeld(ann, "held", 0.9);
        core.comments().post(NewComment.topLevel(second, ann.id(), "x"), Fixtures.publish("x"));
        Map<String, Long> counts =
                core.threads().count(f.site.key(), List.of(f.article.articleKey(), "second", "unknown"));
        assertEquals(Map.of(f.article.articleKey(), 2L, "second", 1L, "unknown", 0L), counts);
    }

    @Test
    void countsNewCommentsSinceAGivenOne() {
        Comment first = f.post(ann, "first");
        f.post(bob, "second");
        f.postHeld(bob, "held", 0.9);
        f.post(ann, "third");
        assertEquals(2, core.threads().countPublishedAfter(f.article, first.id()));
        assertEquals(3, core.threads().countPublishedSince(f.article, first.createdAt()));
    }

    @Test
    void badQueriesAreRefused() {
        assertThrows(
                NotFoundException.class, () -> read(ThreadQuery.firstPage(ArticleRef.of(f.site.key(), "missing"))));
        assertThrows(
                ValidationException.class,
                () -> read(ThreadQuery.firstPage(f.article).withCursor("garbage")));
        String newestCursor = Cursors.encode("thread-newest", 1L, 1L);
        assertThrows(
                ValidationException.class,
                () -> read(ThreadQuery.firstPage(f.article)
                        .withSort(ThreadSort.TOP)
                        .withCursor(newestCursor)));
        assertThrows(
                ValidationException.class,
                () -> ThreadQuery.firstPage(f.article).withLimit(0));
    }

    @Test
    void removedReplyDisappearsForReaders() {
        Comment root = f.post(ann, "root");
        Comment reply = f.reply(bob, root.id(), "rude");
        core.review().decide(DecisionRequest.of(reply.id(), 1, DecisionAction.REMOVE, Fixtures.moderator(), "abusive"));
        ThreadNode node = read(ThreadQuery.firstPage(f.article)).comments().getFirst();
        assertTrue(node.replies().isEmpty());
        assertEquals(0, node.comment().replyCount());
        assertFalse(node.mine());
    }

    @Test
    void anAnchorLeadsFromTheTopLevelCommentToADeepReplyThroughTheRepliesCursor() {
        Comment root = f.post(ann, "root");
        List<CommentId> filler = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            filler.add(f.reply(bob, root.id(), "filler " + i).id());
        }
        Comment d1 = f.reply(bob, root.id(), "d1");
        Comment d2 = f.reply(ann, d1.id(), "d2");

        ThreadAnchor anchor = core.threads().anchor(d2.id(), null);
        assertEquals(d2.id(), anchor.comment());
        assertEquals(List.of(root.id(), d1.id()), anchor.ancestors(), "root first, down to the parent");
        assertEquals(root.id(), anchor.root().comment().id());
        assertTrue(anchor.root().replies().isEmpty(), "the replies are paged in with the cursor");
        List<CommentId> seen = new ArrayList<>();
        String cursor = anchor.root().moreRepliesCursor();
        assertNotNull(cursor);
        do {
            ThreadPage page = core.threads().replies(root.id(), null, cursor, 2);
            page.comments().forEach(n -> collect(n, seen));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertTrue(seen.containsAll(filler) && seen.contains(d1.id()) && seen.contains(d2.id()), seen.toString());

        ThreadAnchor top = core.threads().anchor(root.id(), null);
        assertEquals(List.of(), top.ancestors(), "a top-level comment is its own anchor");
        assertEquals(root.id(), top.root().comment().id());
    }

    private static void collect(ThreadNode node, List<CommentId> into) {
        into.add(node.comment().id());
        node.replies().forEach(n -> collect(n, into));
    }
}
