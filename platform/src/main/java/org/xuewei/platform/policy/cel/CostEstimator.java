package org.xuewei.platform.policy.cel;

import dev.cel.common.ast.CelExpr;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A static upper estimate of a rule's cost: one unit per node, and the body of each comprehension
 * ({@code exists}, {@code all}, {@code map}, {@code filter}…) counted {@link #ASSUMED_LIST_SIZE} times, so nested
 * loops multiply. cel-java 0.14 has no cost estimator of its own; the runtime iteration budget backs this up.
 */
final class CostEstimator {

    /** The longest list the facts model is expected to hold (homes, owners, …). */
    static final long ASSUMED_LIST_SIZE = 25;

    private CostEstimator() {
    }

    static long estimate(CelExpr e) {
        return switch (e.getKind()) {
            case CONSTANT, IDENT, NOT_SET -> 1;
            case SELECT -> 1 + estimate(e.select().operand());
            case CALL -> {
                long c = 1;
                if (e.call().target().isPresent()) {
                    c += estimate(e.call().target().get());
                }
                for (CelExpr a : e.call().args()) {
                    c += estimate(a);
                }
                yield c;
            }
            case LIST -> 1 + e.list().elements().stream().mapToLong(CostEstimator::estimate).sum();
            case MAP -> 1 + e.map().entries().stream().mapToLong(x -> estimate(x.key()) + estimate(x.value())).sum();
            case STRUCT -> 1 + e.struct().entries().stream().mapToLong(x -> estimate(x.value())).sum();
            case COMPREHENSION -> {
                var c = e.comprehension();
                long body = estimate(c.loopCondition()) + estimate(c.loopStep());
                yield saturate(1 + estimate(c.iterRange()) + estimate(c.accuInit()) + estimate(c.result()),
                        ASSUMED_LIST_SIZE, body);
            }
        };
    }

    private static long saturate(long base, long times, long body) {
        long product = body > Long.MAX_VALUE / times ? Long.MAX_VALUE / 2 : body * times;
        return Math.min(Long.MAX_VALUE / 2, base + product);
    }

    /** Top-level identifiers a rule reads (facts variables, plus loop variables which callers ignore). */
    static Set<String> variables(CelExpr e) {
        Set<String> out = new HashSet<>();
        collect(e, out);
        return new TreeSet<>(out);
    }

    private static void collect(CelExpr e, Set<String> out) {
        switch (e.getKind()) {
            case IDENT -> out.add(e.ident().name());
            case SELECT -> collect(e.select().operand(), out);
            case CALL -> {
                e.call().target().ifPresent(t -> collect(t, out));
                e.call().args().forEach(a -> collect(a, out));
            }
            case LIST -> e.list().elements().forEach(x -> collect(x, out));
            case MAP -> e.map().entries().forEach(x -> {
                collect(x.key(), out);
                collect(x.value(), out);
            });
            case STRUCT -> e.struct().entries().forEach(x -> collect(x.value(), out));
            case COMPREHENSION -> {
                var c = e.comprehension();
                collect(c.iterRange(), out);
                collect(c.accuInit(), out);
                collect(c.loopCondition(), out);
                collect(c.loopStep(), out);
                collect(c.result(), out);
            }
            default -> {
            }
        }
    }
}
