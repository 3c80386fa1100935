package org.parley.core.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.core.ParleyCore;
import org.parley.core.article.ArticleRef;
import org.parley.core.thread.ThreadPage;
import org.parley.core.thread.ThreadQuery;
import org.parley.core.thread.ThreadSort;

/**
 * First page of a thread (20 top-level comments, up to 20 replies each, nested to depth 5) on an
 * H2 file database, for threads of 1k, 10k and 100k comments. The cost must not grow with size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThreadReadBenchmark {
    @Param({"1000", "10000", "100000"})
    public int comments;

    private ParleyCore core;
    private ArticleRef article;

    @Setup(Level.Trial)
    public void open() throws Exception {
        core = BenchData.open("thread-" + comments, 1, comments);
        article = BenchData.article(0);
    }

    @TearDown(Level.Trial)
    public void close() {
        core.close();
    }

    @Benchmark
    public ThreadPage firstPageNewest() {
        return core.threads().read(ThreadQuery.firstPage(article));
    }

    @Benchmark
    public ThreadPage firstPageTop() {
        return core.threads().read(ThreadQuery.firstPage(article).withSort(ThreadSort.TOP));
    }
}
