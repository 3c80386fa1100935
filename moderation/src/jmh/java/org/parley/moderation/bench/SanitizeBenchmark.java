package org.parley.moderation.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.parley.moderation.sanitize.Sanitizer;

/**
 * Sanitising throughput over every payload of the XSS corpus, single thread: one operation is one
 * payload through Markdown rendering and the comment policy, so the score is payloads per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SanitizeBenchmark {

    /** The corpus in the shared data folder; relative paths are tried from here and from the parent. */
    @Param("../shared/data/xss/corpus.jsonl")
    public String corpus;

    private List<String> payloads;

    @Setup
    public void read() {
        payloads = Comments.xssPayloads(corpus);
        if (payloads.size() != CORPUS_SIZE) {
            throw new IllegalStateException("expected " + CORPUS_SIZE + " payloads, read " + payloads.size()
                    + "; fix CORPUS_SIZE so that the score stays payloads per second");
        }
    }

    /** The number of payloads in corpus.jsonl; the score is per payload. */
    static final int CORPUS_SIZE = 1705;

    @Benchmark
    @OperationsPerInvocation(CORPUS_SIZE)
    public void sanitizeCorpus(Blackhole bh) {
        Sanitizer sanitizer = Sanitizer.standard();
        for (String payload : payloads) {
            bh.consume(sanitizer.sanitize(payload));
        }
    }
}
