package org.xuewei.platform.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xuewei.platform.policy.cel.CompiledPolicy;
import org.xuewei.platform.policy.cel.RuleEnvironment;
import org.xuewei.platform.policy.json.PolicyJson;

/**
 * A policy compiled and ready to judge children. Compiling validates everything (structure, dates in the season,
 * category ranks, every CEL rule type-checked against the facts model and cost-checked) and is cached by content
 * hash, so a policy is compiled once. Thread-safe.
 */
public final class PolicyEvaluator {

    private static final RuleEnvironment ENV = new RuleEnvironment();
    private static final Map<String, PolicyEvaluator> CACHE = new ConcurrentHashMap<>();

    private final CompiledPolicy compiled;

    private PolicyEvaluator(CompiledPolicy compiled) {
        this.compiled = compiled;
    }

    /** Compile an unpublished policy (version 0). */
    public static PolicyEvaluator compile(Policy policy) {
        return compile(policy, 0);
    }

    /**
     * Compile a policy as the given published version.
     *
     * @throws PolicyValidationException listing every problem
     */
    public static PolicyEvaluator compile(Policy policy, int version) {
        String hash = PolicyJson.hash(policy);
        if (CACHE.size() > 64) {
            CACHE.clear(); // drafts edited in the console come and go; published versions recompile on demand
        }
        return CACHE.computeIfAbsent(version + ":" + hash, k -> {
            List<PolicyProblem> problems = new ArrayList<>();
            CompiledPolicy c = CompiledPolicy.compile(ENV, policy, new PolicyRef(policy.id(), version, hash), problems);
            if (c == null) {
                throw new PolicyValidationException(problems);
            }
            return new PolicyEvaluator(c);
        });
    }

    /** Every problem of a policy; empty when it would compile. */
    public static List<PolicyProblem> validate(Policy policy) {
        List<PolicyProblem> problems = new ArrayList<>();
        CompiledPolicy.compile(ENV, policy, new PolicyRef(policy.id(), 0, ""), problems);
        return problems;
    }

    public Policy policy() {
        return compiled.policy();
    }

    public PolicyRef ref() {
        return compiled.ref();
    }

    /**
     * Judge one child for one school, explaining every step (eligibility, each condition tried, points item by
     * item, evidence notes).
     *
     * @param schoolId     the school applied to (zones are matched against it)
     * @param districtCode that school's district
     * @throws PolicyEvaluationException if a rule fails at run time (e.g. the iteration budget)
     */
    public Evaluation evaluate(ChildFacts facts, String schoolId, String districtCode) {
        return compiled.evaluate(facts, schoolId, districtCode);
    }

    /**
     * Judge one child for one school, explaining what parents are shown: the same decisions, reasons, points and
     * evidence notes as {@link #evaluate}, without the staff trace of the conditions tried before the deciding route
     * ({@code category().tried()} is empty).
     *
     * @throws PolicyEvaluationException if a rule fails at run time (as {@link #evaluate} would)
     */
    public Evaluation evaluateForParent(ChildFacts facts, String schoolId, String districtCode) {
        return compiled.evaluateForParent(facts, schoolId, districtCode);
    }

    /** Bulk judgement: eligibility, category and points, without explanations. Same decisions as evaluate. */
    public Evaluation decide(ChildFacts facts, String schoolId, String districtCode) {
        return compiled.decide(facts, schoolId, districtCode);
    }

    /**
     * The admission order this policy implies among evaluations for one school: preferential first, then category
     * rank, then the tie-breaks in order (points high first, earlier hukou move-in first). Children still equal are
     * left to the lottery.
     */
    public Comparator<Evaluation> admissionOrder() {
        Comparator<Evaluation> order = Comparator.comparing((Evaluation e) -> e.preferential().isEmpty())
                .thenComparingInt(e -> e.category().decided() ? e.category().rank() : Integer.MAX_VALUE);
        for (Policy.TieBreak t : policy().tieBreak()) {
            switch (t) {
                case POINTS -> order = order.thenComparing(
                        (Evaluation e) -> e.points() == null ? 0 : e.points().total(), Comparator.reverseOrder());
                case EARLIER_HUKOU_DATE -> order = order.thenComparing(Evaluation::hukouMoveInDate,
                        Comparator.nullsLast(Comparator.naturalOrder()));
                case LOTTERY -> {
                    return order;
                }
            }
        }
        return order;
    }
}
