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
            policy.decide(children.get(i), Family.SCHOOL, Family.DISTRICT);
        }
        for (int round = 1; round <= 3; round++) {
            TreeMap<String, Integer> counts = new TreeMap<>();
            double points = 0;
            long t0 = System.nanoTime();
            for (ChildFacts c : children) {
                Evaluation e = policy.decide(c, Family.SCHOOL, Family.DISTRICT);
                counts.merge(e.category().decided() ? e.category().code() : "-", 1, Integer::sum);
                points += e.points() == null ? 0 : e.points().total();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("round %d: %s, %,d children, category+points in %,d ms (%.1f µs/child), "
                    + "compile %d ms, categories %s, mean points %.1f%n", round, policyId, n, ms,
                    ms * 1000.0 / n, compileMs, counts, points / n);
        }
    }
}
