package org.xuewei.platform.policy.cel;

import com.google.common.collect.ImmutableMap;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xuewei.platform.policy.PolicyProblem;
import org.xuewei.platform.policy.PropertyUsage;
import org.xuewei.platform.policy.Relation;

/**
 * The one CEL environment district rules run in: the facts variables, the standard library and macros, and four
 * pure helper functions. No I/O, no reflection, bounded cost. Thread-safe; build once.
 */
public final class RuleEnvironment {

    /** Longest rule accepted, in characters. */
    public static final int MAX_RULE_LENGTH = 2_000;
    /** Estimated cost ceiling per rule (see {@link CostEstimator}). */
    public static final long MAX_COST = 50_000;
    /** Iterations allowed across all comprehensions of one evaluation of one rule. */
    public static final int MAX_ITERATIONS = 2_000;

    /** What a rule must return. */
    public enum Result { BOOL, NUMBER, STRING }

    /**
     * A type-checked, planned rule. Give {@link #eval} the variables as laid out by {@link #activation}: CEL copies
     * any other map on every evaluation.
     */
    public record CompiledRule(String source, CelRuntime.Program program, Set<String> variables, long cost) {
        public Object eval(Map<String, ?> vars) throws CelEvaluationException {
            return program.eval(vars);
        }
    }

    /**
     * The variables as CEL reads them: an immutable copy without null keys or values (what CEL makes of any map on
     * every evaluation, made once here so that the many rules of one evaluation share it).
     */
    public static Map<String, Object> activation(Map<String, ?> vars) {
        ImmutableMap.Builder<String, Object> out = ImmutableMap.builderWithExpectedSize(vars.size());
        vars.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out.buildOrThrow();
    }

    private final FactTypes types = new FactTypes();
    private final Cel cel;
    private final Cel trusted;

    public RuleEnvironment() {
        cel = build(MAX_RULE_LENGTH, MAX_ITERATIONS);
        trusted = build(200_000, MAX_ITERATIONS);
    }

    private Cel build(int maxLength, int maxIterations) {
        var builder = CelFactory.standardCelBuilder()
                .setOptions(CelOptions.current()
                        .comprehensionMaxIterations(maxIterations)
                        .maxExpressionCodePointSize(maxLength)
                        .maxParseExpressionNodeCount(200_000)
                        .build())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setTypeProvider(types)
                .addFunctionDeclarations(
                        CelFunctionDecl.newFunctionDeclaration("label",
                                CelOverloadDecl.newGlobalOverload("label_string", SimpleType.STRING, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration("md",
                                CelOverloadDecl.newGlobalOverload("md_string", SimpleType.STRING, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration("ymd",
                                CelOverloadDecl.newGlobalOverload("ymd_string", SimpleType.STRING, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration("yearsBetween",
                                CelOverloadDecl.newGlobalOverload("yearsBetween_string_string", SimpleType.INT,
                                        SimpleType.STRING, SimpleType.STRING)),
                        CelFunctionDecl.newFunctionDeclaration("monthsBetween",
                                CelOverloadDecl.newGlobalOverload("monthsBetween_string_string", SimpleType.INT,
                                        SimpleType.STRING, SimpleType.STRING)))
                .addFunctionBindings(
                        CelFunctionBinding.from("label_string", String.class, RuleEnvironment::label),
                        CelFunctionBinding.from("md_string", String.class, RuleEnvironment::monthDay),
                        CelFunctionBinding.from("ymd_string", String.class, RuleEnvironment::yearMonthDay),
                        CelFunctionBinding.from("yearsBetween_string_string", String.class, String.class,
                                (a, b) -> (long) Period.between(date(a), date(b)).getYears()),
                        CelFunctionBinding.from("monthsBetween_string_string", String.class, String.class,
                                (a, b) -> ChronoUnit.MONTHS.between(date(a), date(b))));
        for (FactTypes.Variable v : types.variables()) {
            builder.addVar(v.name(), v.type());
        }
        return builder.build();
    }

    public FactTypes types() {
        return types;
    }

    /**
     * Parse, type-check, cost-check and plan a rule. Problems (with 1-based line and column, in Chinese) are added
     * to {@code problems} under {@code path}; returns null then.
     */
    public CompiledRule compile(String path, String source, Result expected, List<PolicyProblem> problems) {
        if (source == null || source.isBlank()) {
            problems.add(PolicyProblem.at(path, "规则为空"));
            return null;
        }
        if (source.length() > MAX_RULE_LENGTH) {
            problems.add(PolicyProblem.at(path, "规则过长：" + source.length() + " 个字符，上限 " + MAX_RULE_LENGTH));
            return null;
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = cel.compile(source).getAst();
        } catch (CelValidationException e) {
            for (CelIssue issue : e.getErrors()) {
                var loc = issue.getSourceLocation();
                problems.add(new PolicyProblem(path, CelMessages.toChinese(issue.getMessage()),
                        loc.getLine() > 0 ? loc.getLine() : 1, loc.getColumn() + 1));
            }
            return null;
        }
        CelType type = ast.getResultType();
        if (!accepts(expected, type)) {
            problems.add(new PolicyProblem(path, "规则应返回" + describe(expected) + "，实际返回 " + type.name(), 1, 1));
            return null;
        }
        long cost = CostEstimator.estimate(ast.getExpr());
        if (cost > MAX_COST) {
            problems.add(new PolicyProblem(path, "规则估算开销 " + cost + " 超过上限 " + MAX_COST
                    + "（嵌套遍历过深或过多），请简化", 1, 1));
            return null;
        }
        try {
            return new CompiledRule(source, cel.createProgram(ast), CostEstimator.variables(ast.getExpr()), cost);
        } catch (CelEvaluationException e) {
            problems.add(PolicyProblem.at(path, "规则无法执行：" + e.getMessage()));
            return null;
        }
    }

    /**
     * Compile a program assembled by the platform from rules that each passed {@link #compile} (e.g. all
     * categories as one expression): no length or cost ceiling; the same iteration budget (callers fall back to rule by rule when it is exceeded).
     */
    public CompiledRule compileTrusted(String source, Result expected, List<PolicyProblem> problems) {
        try {
            CelAbstractSyntaxTree ast = trusted.compile(source).getAst();
            if (expected != null && !accepts(expected, ast.getResultType())) {
                problems.add(PolicyProblem.at("(combined)", "组合规则类型错误：" + ast.getResultType().name()));
                return null;
            }
            return new CompiledRule(source, trusted.createProgram(ast), CostEstimator.variables(ast.getExpr()),
                    CostEstimator.estimate(ast.getExpr()));
        } catch (CelValidationException | CelEvaluationException e) {
            problems.add(PolicyProblem.at("(combined)", "组合规则无法编译：" + e.getMessage()));
            return null;
        }
    }

    private static boolean accepts(Result expected, CelType type) {
        return switch (expected) {
            case BOOL -> type.equals(SimpleType.BOOL);
            case STRING -> type.equals(SimpleType.STRING);
            case NUMBER -> type.equals(SimpleType.INT) || type.equals(SimpleType.DOUBLE);
        };
    }

    private static String describe(Result expected) {
        return switch (expected) {
            case BOOL -> "真/假（bool）";
            case STRING -> "文字（string）";
            case NUMBER -> "数值（int 或 double）";
        };
    }

    /** Translate a runtime failure into a clear Chinese message. */
    public static String describe(CelEvaluationException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Iteration budget exceeded")) {
            return "规则运行超出开销上限（遍历次数超过 " + MAX_ITERATIONS + "），已中止";
        }
        return "规则运行出错：" + m;
    }

    /** Chinese label of a relation, usage, record kind or 优待 code (the CEL function {@code label}). */
    public static String label(String code) {
        for (Relation r : Relation.values()) {
            if (r.name().equals(code)) {
                return r.label();
            }
        }
        for (PropertyUsage u : PropertyUsage.values()) {
            if (u.name().equals(code)) {
                return u.label();
            }
        }
        return switch (code) {
            case "CERTIFICATE" -> "不动产权证";
            case "CONTRACT" -> "网签购房合同";
            case "MARRIAGE" -> "结婚";
            case "DIVORCE" -> "离婚";
            case "ACTIVE_MILITARY" -> "现役军人子女";
            case "MARTYR" -> "烈士子女";
            case "DUTY_DEATH" -> "因公牺牲军人、警察子女";
            case "FIREFIGHTER" -> "消防救援人员子女";
            case "POLICE_HERO" -> "公安英模子女";
            case "TALENT_A", "TALENT_B", "TALENT_C", "TALENT_D" -> code.substring(7) + "类高层次人才子女";
            case "OVERSEAS_CHINESE" -> "归侨子女";
            default -> code;
        };
    }

    static String monthDay(String iso) {
        LocalDate d = date(iso);
        return d == null ? "" : d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String yearMonthDay(String iso) {
        LocalDate d = date(iso);
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static LocalDate date(String iso) {
        return iso == null || iso.isEmpty() ? null : LocalDate.parse(iso);
    }

    /** Used by tests and docs. */
    public static List<String> helperFunctions() {
        return new ArrayList<>(List.of("label(code)", "md(date)", "ymd(date)", "yearsBetween(from, to)",
                "monthsBetween(from, to)"));
    }
}
