package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.article.Article;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.Author;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentEdit;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;
import org.parley.core.comment.NewComment;
import org.parley.core.report.Report;
import org.parley.core.report.ReportReason;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.DecisionRequest;
import org.parley.core.review.ModerationDecision;
import org.parley.core.testing.Database;
import org.parley.core.testing.DatabaseIT;
import org.parley.core.testing.Fixtures;
import org.parley.core.thread.ThreadNode;
import org.parley.core.thread.ThreadPage;
import org.parley.core.thread.ThreadQuery;
import org.parley.core.thread.ThreadSort;

/**
 * Races: every task of a round is released at once by a latch. Outcomes are checked as
 * invariants (one winner, typed error for the loser, counters equal to what was committed), never
 * by timing.
 */
@ParameterizedClass
@EnumSource(Database.class)
class ConcurrencyIT extends DatabaseIT {

    /** Runs the tasks at the same moment; each result is the value or the exception thrown. */
    private static List<Object> race(List<Callable<?>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<?> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    results.add(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoModeratorsDecidingTheSameCommentOneWinsTheOtherGetsAConflict() throws Exception {
        for (int round = 0; round < 8; round++) {
            Comment held = f.postHeld(ann, "borderline " + round, 0.7);
            List<Object> results = race(List.of(
                    () -> core.review()
                            .decide(new DecisionRequest(
                                    held.id(),
                                    1,
                                    CommentStatus.HELD,
                                    DecisionAction.APPROVE,
                                    Actor.moderator("mod-a", "A"),
                                    null,
                                    null)),
                    () -> core.review()
                            .decide(new DecisionRequest(
                                    held.id(),
                                    1,
                                    CommentStatus.HELD,
                                    DecisionAction.REJECT,
                                    Actor.moderator("mod-b", "B"),
                                    "abusive",
                                    null))));
            List<Comment> winners = results.stream()
                    .filter(Comment.class::isInstance)
                    .map(Comment.class::cast)
                    .toList();
            assertEquals(1, winners.size(), "exactly one decision wins: " + results);
            Object loser = results.stream()
                    .filter(r -> !(r instanceof Comment))
                    .findFirst()
                    .orElseThrow();
            assertInstanceOf(ConflictException.class, loser);
            assertEquals(
                    winners.getFirst().status(), core.comments().get(held.id()).status());
            List<ModerationDecision> human = core.review().decisionsFor(held.id()).stream()
                    .filter(d -> d.actor().kind() == Actor.Kind.MODERATOR)
                    .toList();
            assertEquals(1, human.size(), "only the winner is in the audit log");
        }
    }

    @Test
    void authorEditingWhileModeratorDecidesLosesNothing() throws Exception {
        for (int round = 0; round < 8; round++) {
            Comment held = f.postHeld(ann, "first draft " + round, 0.7);
            List<Object> results = race(List.of(
                    () -> core.comments()
                            .edit(
                                    new CommentEdit(held.id(), ann.id(), 1, "second draft"),
                                    Fixtures.hold("second draft", 0.6)),
                    () -> core.review()
                            .decide(new DecisionRequest(
                                    held.id(),
                                    1,
                                    CommentStatus.HELD,
                                    DecisionAction.APPROVE,
                                    Fixtures.moderator(),
                                    null,
                                    null))));
            Object edit = results.get(0);
            Object decision = results.get(1);
            Comment now = core.comments().get(held.id());
            if (edit instanceof Comment) {
                assertEquals("second draft", now.rawBody());
                assertEquals(2, now.revision());
            } else {
                assertInstanceOf(ConflictException.class, edit);
                assertEquals(1, now.revision());
            }
            if (decision instanceof Comment) {
                ModerationDecision d = core.review().decisionsFor(held.id()).stream()
                        .filter(x -> x.action() == DecisionAction.APPROVE)
                        .findFirst()
                        .orElseThrow();
                assertEquals(1, d.revision(), "the decision judged revision 1, and it was current when committed");
                if (edit instanceof Comment) {
                    assertEquals(CommentStatus.HELD, now.status(), "the later edit was screened again and held");
                } else {
                    assertEquals(CommentStatus.PUBLISHED, now.status());
                }
            } else {
                assertInstanceOf(ConflictException.class, decision);
                assertTrue(edit instanceof Comment, "a decision only loses to the edit");
            }
        }
    }

    @Test
    void manyReadersPostingIntoOneThreadLoseNoUpdateAndDuplicateNothing() throws Exception {
        Comment root = f.post(ann, "root of a busy thread");
        int writers = 8;
        int postsEach = 15;
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            authors.add(f.guest("writer " + i));
        }
        List<CommentId> parents = Collections.synchronizedList(new ArrayList<>(List.of(root.id())));
        List<Callable<?>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Author author = authors.get(w);
            Random random = new Random(w);
            tasks.add(() -> {
                List<Object> outcomes = new ArrayList<>();
                for (int i = 0; i < postsEach; i++) {
                    try {
                        Comment c = i % 3 == 0
                                ? f.post(author, "top " + i)
                                : f.reply(author, parents.get(random.nextInt(parents.size())), "reply " + i);
                        parents.add(c.id());
                        outcomes.add(c);
                    } catch (ConflictException e) {
                        outcomes.add(e);
                    }
                }
                return outcomes;
            });
        }
        List<Comment> posted = new ArrayList<>();
        for (Object result : race(tasks)) {
            assertInstanceOf(List.class, result, () -> "unexpected failure: " + result);
            for (Object o : (List<?>) result) {
                if (o instanceof Comment c) {
                    posted.add(c);
                }
            }
        }
        assertTrue(
                posted.size() >= writers * postsEach * 9 / 10,
                "almost every concurrent post succeeds: " + posted.size());
        Article article = core.articles().get(f.article);
        assertEquals(posted.size() + 1, article.publishedComments(), "the article count lost no update");
        long underRoot = posted.stream()
                .filter(c -> c.rootId().equals(root.id()) && !c.id().equals(root.id()))
                .count();
        assertEquals(underRoot, core.comments().get(root.id()).replyCount(), "the root's reply count lost no update");

        Set<CommentId> seen = new HashSet<>();
        int total = 0;
        ThreadQuery q = ThreadQuery.firstPage(f.article)
                .withSort(ThreadSort.OLDEST)
                .withLimit(7)
                .withRepliesPerComment(200)
                .withDepth(20);
        ThreadPage page;
        do {
            page = core.threads().read(q);
            for (var node : page.comments()) {
                total += collect(node, seen);
            }
            q = q.withCursor(page.nextCursor());
        } while (page.nextCursor() != null);
        assertEquals(posted.size() + 1, total, "every comment read exactly once");
        assertEquals(total, seen.size());
    }

    private static int collect(ThreadNode node, Set<CommentId> seen) {
        int n = seen.add(node.comment().id()) ? 1 : 1000;
        for (var reply : node.replies()) {
            n += collect(reply, seen);
        }
        return n;
    }

    @Test
    void concurrentReportsBySameReaderKeepOneAndTellTheOthers() throws Exception {
        Comment c = f.post(ann, "reportable");
        List<Callable<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> core.reports().report(c.id(), bob.id(), ReportReason.SPAM, null));
        }
        List<Object> results = race(tasks);
        assertEquals(1, results.stream().filter(Report.class::isInstance).count(), results::toString);
        for (Object r : results) {
            if (!(r instanceof Report)) {
                assertEquals(
                        ConflictException.DUPLICATE_REPORT,
                        assertInstanceOf(ConflictException.class, r).code());
            }
        }
        assertEquals(1, core.reports().reportsFor(c.id()).size());
    }

    @Test
    void retriedPostsWithOneRequestKeyStoreOneComment() throws Exception {
        NewComment request =
                NewComment.topLevel(f.article, ann.id(), "retry me").withRequestKey("idem-1");
        List<Callable<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() ->
                    core.comments().post(request, Fixtures.publish("retry me")).id());
        }
        List<Object> results = race(tasks);
        assertEquals(1, new HashSet<>(results).size(), results::toString);
        assertInstanceOf(CommentId.class, results.getFirst());
        assertEquals(1, core.articles().get(f.article).publishedComments());
    }

    @Test
    void concurrentFirstEmbedsRegisterOneArticle() throws Exception {
        ArticleRef ref = ArticleRef.of(f.site.key(), "breaking");
        List<Callable<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(() -> core.articles()
                    .ensure(ref, "https://news.example/breaking?utm_source=x", "Breaking")
                    .createdAt());
        }
        List<Object> results = race(tasks);
        assertEquals(1, new HashSet<>(results).size(), results::toString);
        assertEquals(
                1,
                core.articles().list(f.site.key(), 10, null).items().stream()
                        .filter(a -> a.ref().equals(ref))
                        .count());
    }

    @Test
    void concurrentReactionsAreAllCounted() throws Exception {
        Comment c = f.post(ann, "popular");
        List<Callable<?>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Author reader = f.guest("reader " + i);
            tasks.add(() -> core.comments().react(c.id(), reader.id()).count());
        }
        for (Object r : race(tasks)) {
            assertInstanceOf(Long.class, r, () -> "unexpected: " + r);
        }
        assertEquals(8, core.comments().get(c.id()).reactionCount());
    }
}
