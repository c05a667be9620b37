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
import org.xuewei.engine.core.Prepared;
import org.xuewei.engine.core.Priorities;
import org.xuewei.engine.gen.InstanceGenerator;

/** Preparation before the mechanism: SHA-256 lottery keys, one global ranking, packed priorities. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1500m"})
public class PrepareBenchmark {
    /** students:schools:tieBreak. */
    @Param({"100000:400:single", "1000000:4000:single", "1000000:4000:multiple"})
    public String size;

    private Instance instance;

    @Setup(Level.Trial)
    public void setUp() {
        String[] p = size.split(":");
        instance = InstanceGenerator.build(new InstanceGenerator.Spec(Integer.parseInt(p[0]), Integer.parseInt(p[1]), 5,
                "deferred-acceptance", p[2], 1));
    }

    @Benchmark
    public Prepared prepare() {
        return Priorities.prepare(instance, instance.seed());
    }
}
