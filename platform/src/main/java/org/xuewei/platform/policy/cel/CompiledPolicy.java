package org.xuewei.platform.policy.cel;

import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xuewei.platform.policy.CategoryDecision;
import org.xuewei.platform.policy.CategoryRule;
import org.xuewei.platform.policy.ChildFacts;
import org.xuewei.platform.policy.Condition;
import org.xuewei.platform.policy.EligibilityDecision;
import org.xuewei.platform.policy.Evaluation;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyEvaluationException;
import org.xuewei.platform.policy.PolicyProblem;
import org.xuewei.platform.policy.PolicyRef;
import org.xuewei.platform.policy.PointsRules;
import org.xuewei.platform.policy.PointsScore;
import org.xuewei.platform.policy.Reason;
import org.xuewei.platform.policy.SourceRef;

/**
 * A validated policy with every rule compiled once. Three paths: {@link #evaluate} explains everything (staff);
 * {@link #evaluateForParent} explains what a parent is shown (a check); {@link #decide} runs one combined CEL program
 * for the category and one for the points (bulk).
 */
public final class CompiledPolicy {

    record CompiledCondition(String path, Condition source, RuleEnvironment.CompiledRule rule, Template text,
                             Template textEn) {
    }

    record CompiledRoute(CategoryRule.Route route, List<CompiledCondition> conditions) {
    }

    record CompiledCategory(CategoryRule rule, List<CompiledRoute> routes) {
    }

    record CompiledItem(PointsRules.Item item, RuleEnvironment.CompiledRule formula, Template text) {
    }

    private final Policy policy;
    private final PolicyRef ref;
    private final FactsBinder binder;
    private final List<CompiledCondition> eligibilityExtra;
    private final List<CompiledCategory> categories;
    private final List<CompiledItem> points;
    private final RuleEnvironment.CompiledRule categoryProgram;
    private final RuleEnvironment.CompiledRule pointsProgram;
    private final Set<String> preferential;

    private CompiledPolicy(Policy policy, PolicyRef ref, List<CompiledCondition> eligibilityExtra,
                           List<CompiledCategory> categories, List<CompiledItem> points,
                           RuleEnvironment.CompiledRule categoryProgram, RuleEnvironment.CompiledRule pointsProgram) {
        this.policy = policy;
        this.ref = ref;
        this.binder = new FactsBinder(policy);
        this.eligibilityExtra = eligibilityExtra;
        this.categories = categories;
        this.points = points;
        this.categoryProgram = categoryProgram;
        this.pointsProgram = pointsProgram;
        this.preferential = Set.copyOf(policy.preferentialCategories());
    }

    /** Validate and compile; every problem is added to {@code problems} and null is returned if there is any. */
    public static CompiledPolicy compile(RuleEnvironment env, Policy policy, PolicyRef ref,
                                         List<PolicyProblem> problems) {
        int before = problems.size();
        PolicyChecks.check(policy, problems);
        List<CompiledCondition> extra = new ArrayList<>();
        if (policy.eligibility() != null) {
            List<Condition> conditions = policy.eligibility().extra();
            for (int i = 0; i < conditions.size(); i++) {
                extra.add(condition(env, "eligibility.extra[" + i + "]", conditions.get(i), problems));
            }
        }
        List<CompiledCategory> cats = new ArrayList<>();
        policy.categories().stream().sorted(java.util.Comparator.comparingInt(CategoryRule::rank)).forEach(c -> {
            List<CompiledRoute> routes = new ArrayList<>();
            for (CategoryRule.Route r : c.routes()) {
                List<CompiledCondition> conds = new ArrayList<>();
                for (int i = 0; i < r.conditions().size(); i++) {
                    String path = "categories[" + c.code() + "].routes[" + r.id() + "].conditions[" + i + "]";
                    conds.add(condition(env, path, r.conditions().get(i), problems));
                }
                routes.add(new CompiledRoute(r, conds));
            }
            cats.add(new CompiledCategory(c, routes));
        });
        List<CompiledItem> items = new ArrayList<>();
        if (policy.points() != null) {
            Set<String> codes = new java.util.HashSet<>();
            for (PointsRules.Item item : policy.points().items()) {
                String path = "points.items[" + item.code() + "]";
                if (item.code() == null || !codes.add(item.code())) {
                    problems.add(PolicyProblem.at(path, "积分项编号为空或重复"));
                }
                if (item.max() != null && item.max() < 0) {
                    problems.add(PolicyProblem.at(path + ".max", "封顶分值不能为负"));
                }
                var formula = env.compile(path + ".formula", item.formula(), RuleEnvironment.Result.NUMBER, problems);
                items.add(new CompiledItem(item, formula, Template.compile(env, path + ".text", item.text(), problems)));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        List<PolicyProblem> internal = new ArrayList<>();
        var categoryProgram = env.compileTrusted(categorySource(cats), RuleEnvironment.Result.NUMBER, internal);
        var pointsProgram = items.isEmpty() ? null
                : env.compileTrusted(pointsSource(items), null, internal);
        if (!internal.isEmpty()) {
            problems.addAll(internal);
            return null;
        }
        return new CompiledPolicy(policy, ref, extra, cats, items, categoryProgram, pointsProgram);
    }

    private static CompiledCondition condition(RuleEnvironment env, String path, Condition c,
                                               List<PolicyProblem> problems) {
        var rule = env.compile(path + ".when", c.when(), RuleEnvironment.Result.BOOL, problems);
        return new CompiledCondition(path, c, rule, Template.compile(env, path + ".text", c.text(), problems),
                Template.compile(env, path + ".textEn", c.textEn(), problems));
    }

    private static String categorySource(List<CompiledCategory> cats) {
        StringBuilder s = new StringBuilder();
        int open = 0;
        for (CompiledCategory c : cats) {
            List<String> routes = new ArrayList<>();
            for (CompiledRoute r : c.routes()) {
                routes.add(r.conditions().stream().map(x -> "(" + x.source().when() + ")")
                        .collect(java.util.stream.Collectors.joining(" && ", "(", ")")));
            }
            s.append(String.join(" || ", routes)).append(" ? ").append(c.rule().rank()).append(" : (");
            open++;
        }
        s.append("0").append(")".repeat(open));
        return s.toString();
    }

    private static String pointsSource(List<CompiledItem> items) {
        return items.stream().map(i -> "double(" + i.item().formula() + ")")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    public Policy policy() {
        return policy;
    }

    public PolicyRef ref() {
        return ref;
    }

    /** Bulk path: category rank and points total, no explanations. */
    public Evaluation decide(ChildFacts facts, String schoolId, String districtCode) {
        var bound = binder.bind(facts, schoolId, districtCode, false);
        Map<String, Object> vars = RuleEnvironment.activation(bound.variables());
        boolean eligible = eligible(facts, bound.ageAtCutoff(), vars);
        CategoryDecision category = CategoryDecision.none(List.of());
        PointsScore score = null;
        if (eligible) {
            int rank = fastRank(vars);
            if (rank > 0) {
                CategoryRule c = categories.get(rank - 1).rule();
                category = new CategoryDecision(c.code(), c.rank(), c.name(), c.nameEn(), null, null, List.of(), List.of());
            }
            if (pointsProgram != null) {
                List<?> raw = (List<?>) run("points", pointsProgram, vars);
                List<PointsScore.Item> out = new ArrayList<>(raw.size());
                double total = 0;
                for (int i = 0; i < raw.size(); i++) {
                    PointsRules.Item item = points.get(i).item();
                    double r = ((Number) raw.get(i)).doubleValue();
                    double p = item.max() == null ? r : Math.min(r, item.max());
                    total += p;
                    out.add(new PointsScore.Item(item.code(), item.name(), r, p, item.max(), null));
                }
                score = new PointsScore(total, out);
            }
        }
        return new Evaluation(facts.childId(), facts.grade(), schoolId, ref,
                new EligibilityDecision(eligible, bound.ageAtCutoff(), List.of()), category, score,
                acceptedPreferential(facts), bound.hukouMoveInDate(), List.of());
    }

    /** Full path: every step explained, with the registry records behind it. */
    public Evaluation evaluate(ChildFacts facts, String schoolId, String districtCode) {
        return evaluate(facts, schoolId, districtCode, true);
    }

    /**
     * Parent path: the same judgement, eligibility, deciding route, points and evidence notes as {@link #evaluate},
     * without the staff trace ({@link CategoryDecision#tried()} is empty): the sentences of the conditions that
     * failed on the way to the deciding route are never rendered, since parents are never shown them.
     */
    public Evaluation evaluateForParent(ChildFacts facts, String schoolId, String districtCode) {
        return evaluate(facts, schoolId, districtCode, false);
    }

    private Evaluation evaluate(ChildFacts facts, String schoolId, String districtCode, boolean trace) {
        var bound = binder.bind(facts, schoolId, districtCode, true);
        Map<String, Object> vars = RuleEnvironment.activation(bound.variables());
        Map<String, List<SourceRef>> sources = Sources.of(facts);
        EligibilityDecision eligibility = explainEligibility(facts, bound.ageAtCutoff(), vars, sources);
        CategoryDecision category = CategoryDecision.none(List.of());
        PointsScore score = null;
        if (eligibility.eligible()) {
            category = trace ? explainCategory(vars, sources) : decideCategory(vars, sources);
            score = explainPoints(vars);
        }
        return new Evaluation(facts.childId(), facts.grade(), schoolId, ref, eligibility, category, score,
                acceptedPreferential(facts), bound.hukouMoveInDate(), bound.evidence());
    }

    /** The combined program; if it exceeds its budget, the per-rule path decides (and names the rule at fault). */
    private int fastRank(Map<String, Object> vars) {
        try {
            return ((Long) categoryProgram.eval(vars)).intValue();
        } catch (CelEvaluationException e) {
            for (CompiledCategory c : categories) {
                for (CompiledRoute r : c.routes()) {
                    boolean all = true;
                    for (CompiledCondition cond : r.conditions()) {
                        if (!(Boolean) run(cond.path(), cond.rule(), vars)) {
                            all = false;
                            break;
                        }
                    }
                    if (all) {
                        return c.rule().rank();
                    }
                }
            }
            return 0;
        }
    }

    private List<String> acceptedPreferential(ChildFacts facts) {
        List<String> out = new ArrayList<>(1);
        facts.preferential().forEach(p -> {
            if (preferential.contains(p.category())) {
                out.add(p.category());
            }
        });
        return out;
    }

    private boolean eligible(ChildFacts facts, int age, Map<String, Object> vars) {
        var e = policy.eligibility();
        if (facts.grade() == Grade.G1 && age < e.minAge()) {
            return false;
        }
        if (facts.grade() == Grade.G7 && e.requireGraduation() && !(Boolean) ((Map<?, ?>) vars.get("child")).get("graduated")) {
            return false;
        }
        for (CompiledCondition c : eligibilityExtra) {
            if (!(Boolean) run(c.path(), c.rule(), vars)) {
                return false;
            }
        }
        return true;
    }

    private EligibilityDecision explainEligibility(ChildFacts facts, int age, Map<String, Object> vars,
                                                   Map<String, List<SourceRef>> sources) {
        var e = policy.eligibility();
        List<Reason> reasons = new ArrayList<>();
        boolean ok = true;
        if (facts.grade() == Grade.G1) {
            boolean old = age >= e.minAge();
            ok = old;
            String key = old ? "policy.eligibility.age.ok" : "policy.eligibility.age.young";
            String day = FactsBinder.cn(e.ageCutoff());
            reasons.add(generic("eligibility.age", "child.ageAtCutoff >= " + e.minAge(), old, key,
                    sources.get("child"), day, e.minAge(), age));
        } else if (e.requireGraduation()) {
            boolean graduated = (Boolean) ((Map<?, ?>) vars.get("child")).get("graduated");
            ok = graduated;
            reasons.add(generic("eligibility.graduation", "child.graduated", graduated,
                    graduated ? "policy.eligibility.graduated" : "policy.eligibility.notGraduated",
                    List.of(facts.schooling() == null ? SourceRef.of(org.xuewei.platform.policy.RegistrySource.STUDENT_REGISTRY, "")
                            : facts.schooling().source())));
        }
        for (CompiledCondition c : eligibilityExtra) {
            Reason r = explain(c, vars, sources);
            reasons.add(r);
            ok &= r.holds();
        }
        return new EligibilityDecision(ok, age, reasons);
    }

    private static Reason generic(String id, String rule, boolean holds, String key, List<SourceRef> sources,
                                  Object... args) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            map.put(String.valueOf(i), args[i]);
        }
        return new Reason(id, rule, holds, key, map, PolicyMessages.zh(key, args), PolicyMessages.en(key, args),
                sources);
    }

    private CategoryDecision explainCategory(Map<String, Object> vars, Map<String, List<SourceRef>> sources) {
        List<Reason> tried = new ArrayList<>();
        for (CompiledCategory c : categories) {
            for (CompiledRoute r : c.routes()) {
                List<Reason> reasons = new ArrayList<>();
                boolean all = true;
                for (CompiledCondition cond : r.conditions()) {
                    Reason reason = explain(cond, vars, sources);
                    reasons.add(reason);
                    tried.add(reason);
                    if (!reason.holds()) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    return new CategoryDecision(c.rule().code(), c.rule().rank(), c.rule().name(), c.rule().nameEn(), r.route().id(),
                            r.route().name(), reasons, tried);
                }
            }
        }
        return CategoryDecision.none(tried);
    }

    /**
     * The deciding route explained, as {@link #explainCategory} finds and explains it (the same conditions run in
     * the same order), with only that route's sentences rendered and no trace of the rest.
     */
    private CategoryDecision decideCategory(Map<String, Object> vars, Map<String, List<SourceRef>> sources) {
        for (CompiledCategory c : categories) {
            for (CompiledRoute r : c.routes()) {
                boolean all = true;
                for (CompiledCondition cond : r.conditions()) {
                    if (!holds(cond, vars)) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    List<Reason> reasons = new ArrayList<>(r.conditions().size());
                    for (CompiledCondition cond : r.conditions()) {
                        reasons.add(explain(cond, true, vars, sources));
                    }
                    return new CategoryDecision(c.rule().code(), c.rule().rank(), c.rule().name(), c.rule().nameEn(),
                            r.route().id(), r.route().name(), reasons, List.of());
                }
            }
        }
        return CategoryDecision.none(List.of());
    }

    private static boolean holds(CompiledCondition c, Map<String, Object> vars) {
        return (Boolean) run(c.path(), c.rule(), vars);
    }

    private Reason explain(CompiledCondition c, Map<String, Object> vars, Map<String, List<SourceRef>> sources) {
        return explain(c, holds(c, vars), vars, sources);
    }

    private Reason explain(CompiledCondition c, boolean holds, Map<String, Object> vars,
                           Map<String, List<SourceRef>> sources) {
        List<SourceRef> used = new ArrayList<>();
        for (String v : c.rule().variables()) {
            used.addAll(sources.getOrDefault(v, List.of()));
        }
        String text = c.text().isEmpty() ? c.source().when() : c.text().render(vars);
        String textEn = c.textEn().isEmpty() ? null : c.textEn().render(vars);
        return new Reason(c.source().id() == null ? c.path() : c.source().id(), c.source().when(), holds, null,
                Map.of(), text, textEn, used);
    }

    private PointsScore explainPoints(Map<String, Object> vars) {
        if (points.isEmpty()) {
            return null;
        }
        List<PointsScore.Item> out = new ArrayList<>();
        double total = 0;
        for (CompiledItem i : points) {
            double raw = ((Number) run("points.items[" + i.item().code() + "]", i.formula(), vars)).doubleValue();
            double p = i.item().max() == null ? raw : Math.min(raw, i.item().max());
            total += p;
            out.add(new PointsScore.Item(i.item().code(), i.item().name(), raw, p, i.item().max(),
                    i.text().isEmpty() ? null : i.text().render(vars)));
        }
        return new PointsScore(total, out);
    }

    private static Object run(String path, RuleEnvironment.CompiledRule rule, Map<String, Object> vars) {
        try {
            return rule.eval(vars);
        } catch (CelEvaluationException e) {
            throw new PolicyEvaluationException(path, RuleEnvironment.describe(e), e);
        }
    }
}
