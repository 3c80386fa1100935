package org.parley.moderation.bench;

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
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.civility.CivilityScores;

/**
 * Civility scoring of one 300-character comment, one thread: the latency distribution, with both
 * stages (lexical and semantic, as the screening pipeline scores English) and with the lexical
 * stage alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ScoreBenchmark {

    private CivilityScorer scorer;

    @Setup
    public void load() {
        scorer = CivilityScorer.loadDefault();
        if (Comments.THREE_HUNDRED.length() < 290 || Comments.THREE_HUNDRED.length() > 310) {
            throw new IllegalStateException("benchmark comment is " + Comments.THREE_HUNDRED.length() + " chars");
        }
    }

    @Benchmark
    public CivilityScores score300Chars() {
        return scorer.score(Comments.THREE_HUNDRED);
    }

    @Benchmark
    public CivilityScores score300CharsLexicalOnly() {
        return scorer.scoreLexical(Comments.THREE_HUNDRED);
    }
}
