package org.xuewei.engine.bench;

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
import org.openjdk.jmh.annotations.Warmup;
import org.xuewei.engine.Instance;
import org.xuewei.engine.core.DeferredAcceptance;
import org.xuewei.engine.core.ImmediateAcceptance;
import org.xuewei.engine.core.Prepared;
import org.xuewei.engine.core.Priorities;
import org.xuewei.engine.gen.InstanceGenerator;

/**
 * Core allocation on a generated city (single tie-break, 5 choices, ~1% twins): the mechanism alone
 * ({@code deferredAcceptance}, {@code immediateAcceptance}) on prepared primitive arrays, in a 300 MB
 * heap. The instance (ids as strings) is dropped after preparation, so the heap holds only what the
 * mechanism needs. The preparation itself is measured by {@link PrepareBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms300m", "-Xmx300m"})
public class DeferredAcceptanceBenchmark {
    /** students:schools. */
    @Param({"100000:400", "1000000:4000"})
    public String size;

    private Prepared prepared;

    @Setup(Level.Trial)
    public void setUp() {
        prepared = prepare(size);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("%n[heap after setup: %d MB used of %d MB max]%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private static Prepared prepare(String size) {
        String[] p = size.split(":");
        Instance instance = InstanceGenerator.build(
                InstanceGenerator.Spec.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), 5));
        return Priorities.prepare(instance, instance.seed());
    }

    @Benchmark
    public int[] deferredAcceptance() {
        return DeferredAcceptance.run(prepared);
    }

    @Benchmark
    public int[] immediateAcceptance() {
        return ImmediateAcceptance.run(prepared);
    }
}
