package org.xuewei.platform.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Not a test: times category + points for N synthetic children (default 120,000) under a shipped policy.
 * Run: see docs/performance.md "## Policy".
 */
public final class PolicyBenchmark {

    private PolicyBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 120_000;
        String policyId = args.length > 1 ? args[1] : "honggutan-points-2025";
        // "explain": the full path staff see (every step explained, both languages); "parent": the path a parent's
        // check takes (the deciding route explained, no trace); else the bulk path
        String mode = args.length > 2 ? args[2] : "decide";
        PolicyLibrary library = PolicyLibrary.shipped();
        long c0 = System.nanoTime();
        PolicyEvaluator policy = PolicyEvaluator.compile(library.resolve(policyId));
        long compileMs = (System.nanoTime() - c0) / 1_000_000;
        Random random = new Random(20250708L);
        List<ChildFacts> children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(SyntheticFamilies.family(random, i));
        }
        for (int i = 0; i < n; i++) { // warm-up pass: JIT the interpreter paths
            run(policy, mode, children.get(i));
        }
        for (int round = 1; round <= 3; round++) {
            TreeMap<String, Integer> counts = new TreeMap<>();
            double points = 0;
            long t0 = System.nanoTime();
            long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            for (ChildFacts c : children) {
                Evaluation e = run(policy, mode, c);
                counts.merge(e.category().decided() ? e.category().code() : "-", 1, Integer::sum);
                points += e.points() == null ? 0 : e.points().total();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long cpuMs = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000;
            System.out.printf("round %d: %s, %,d children, category+points in %,d ms (%.1f µs/child; CPU %,d ms = %.1f µs/child), "
                    + "compile %d ms, categories %s, mean points %.1f%n", round, policyId + " (" + mode + ")", n, ms,
                    ms * 1000.0 / n, cpuMs, cpuMs * 1000.0 / n, compileMs, counts, points / n);
        }
    }

    private static Evaluation run(PolicyEvaluator policy, String mode, ChildFacts c) {
        return switch (mode) {
            case "explain" -> policy.evaluate(c, Family.SCHOOL, Family.DISTRICT);
            case "parent" -> policy.evaluateForParent(c, Family.SCHOOL, Family.DISTRICT);
            default -> policy.decide(c, Family.SCHOOL, Family.DISTRICT);
        };
    }
}
