package org.parley.moderation.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.moderation.screening.ArticleContext;
import org.parley.moderation.screening.AuthorContext;
import org.parley.moderation.screening.RateLimiter;
import org.parley.moderation.screening.RecentPosts;
import org.parley.moderation.screening.Screener;
import org.parley.moderation.screening.SitePolicy;
import org.parley.moderation.screening.Submission;
import org.parley.moderation.screening.Verdict;

/**
 * Full screening of one 300-character comment, one thread: hygiene, sanitising, repeat-post check
 * against ten recent posts, 400 banned and suspect words, civility scoring, link and author rules.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ScreeningBenchmark {

    private Screener screener;
    private Submission submission;

    @Setup
    public void prepare() {
        List<String> banned = new ArrayList<>();
        List<String> suspect = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            banned.add("bannedterm" + i);
            suspect.add("suspect phrase " + i);
        }
        SitePolicy policy = SitePolicy.builder()
                .bannedWords(banned)
                .suspectWords(suspect)
                .allowedWords(List.of("suspect phrase 0 allowed"))
                .build();
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recent.add("An earlier comment of the same author, number " + i + ", about the council budget.");
        }
        RecentPosts history = authorId -> recent;
        screener = Screener.create(history, RateLimiter.unlimited());
        submission = Submission.of(
                Comments.THREE_HUNDRED,
                AuthorContext.withApprovals("bench", 20),
                ArticleContext.open("bench-article", policy));
    }

    @Benchmark
    public Verdict screen300Chars() {
        return screener.screen(submission);
    }
}
