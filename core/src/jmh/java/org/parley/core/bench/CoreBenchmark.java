package org.parley.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run settings every core benchmark shares: average time in µs, 3 warm-up and 5 measured
 * 2-second iterations, one fork. Each benchmark also reports the CPU time its thread spent
 * ({@link Cpu}): on a shared machine wall time mostly measures the neighbours, CPU time per call
 * ({@code cpuMicros / calls}) measures the code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
public abstract class CoreBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Per-iteration totals reported next to the score: CPU microseconds and calls. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        public long cpuMicros;
        public long calls;

        @Setup(Level.Iteration)
        public void reset() {
            cpuMicros = 0;
            calls = 0;
        }
    }

    /** Runs {@code call}, adding the CPU time it took on this thread to {@code cpu}. */
    protected static <T> T measured(Cpu cpu, Supplier<T> call) {
        long start = THREADS.getCurrentThreadCpuTime();
        T result = call.get();
        cpu.cpuMicros += (THREADS.getCurrentThreadCpuTime() - start) / 1000;
        cpu.calls++;
        return result;
    }
}
