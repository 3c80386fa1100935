package org.parley.core.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.parley.core.ParleyCore;

/** Comment counts of 10 articles (1,000 comments each) in one call, as an article list page needs. */
public class CountBenchmark extends CoreBenchmark {
    private ParleyCore core;
    private List<String> keys;

    @Setup(Level.Trial)
    public void open() throws Exception {
        core = BenchData.open("counts-10x1000", 10, 1000);
        keys = IntStream.range(0, 10)
                .mapToObj(i -> BenchData.article(i).articleKey())
                .toList();
    }

    @TearDown(Level.Trial)
    public void close() {
        core.close();
    }

    @Benchmark
    public Map<String, Long> countTenArticles(Cpu cpu) {
        return measured(cpu, () -> core.threads().count(BenchData.SITE, keys));
    }
}
