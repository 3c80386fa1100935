package org.parley.core.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
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
 * Warm-up is longer than the other benchmarks': a freshly opened 100k database keeps getting
 * faster for about ten seconds while H2 fills its page cache.
 */
@Warmup(iterations = 8, time = 2)
public class ThreadReadBenchmark extends CoreBenchmark {
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
    public ThreadPage firstPageNewest(Cpu cpu) {
        return measured(cpu, () -> core.threads().read(ThreadQuery.firstPage(article)));
    }

    @Benchmark
    public ThreadPage firstPageTop(Cpu cpu) {
        return measured(
                cpu, () -> core.threads().read(ThreadQuery.firstPage(article).withSort(ThreadSort.TOP)));
    }
}
