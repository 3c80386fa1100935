package org.parley.core.bench;

import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.parley.core.ParleyCore;
import org.parley.core.article.ArticleRef;
import org.parley.core.author.AuthorId;
import org.parley.core.comment.Comment;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.NewComment;
import org.parley.core.comment.Screening;
import org.parley.core.thread.ThreadNode;
import org.parley.core.thread.ThreadQuery;

/**
 * Posting a reply (with its counters and revision) into a thread of 10,000 comments on an H2
 * file database. The database is a copy per trial, so every run starts from 10,000.
 */
public class PostReplyBenchmark extends CoreBenchmark {
    private ParleyCore core;
    private ArticleRef article;
    private AuthorId author;
    private List<CommentId> parents;

    @Setup(Level.Trial)
    public void open() throws Exception {
        core = BenchData.open("post-10000-" + ProcessHandle.current().pid(), 1, 10_000);
        article = BenchData.article(0);
        author = core.authors().createGuest("Benchmark poster", null).id();
        parents = core.threads().read(ThreadQuery.firstPage(article).withLimit(100)).comments().stream()
                .map(ThreadNode::comment)
                .map(Comment::id)
                .toList();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        core.close();
        try (var files =
                Files.walk(BenchData.dir("post-10000-" + ProcessHandle.current().pid()))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public Comment postReply(Cpu cpu) {
        CommentId parent = parents.get(ThreadLocalRandom.current().nextInt(parents.size()));
        return measured(
                cpu,
                () -> core.comments()
                        .post(
                                NewComment.reply(article, author, parent, "A reply in a busy thread"),
                                Screening.publish("<p>A reply in a busy thread</p>")));
    }
}
