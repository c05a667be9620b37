package org.xuewei.platform.policy.cel;

import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xuewei.platform.policy.PolicyProblem;

/** An explanation sentence with {@code {expr}} placeholders, each a type-checked CEL string expression. */
final class Template {

    private record Part(String literal, RuleEnvironment.CompiledRule expr) {
    }

    private final List<Part> parts;

    private Template(List<Part> parts) {
        this.parts = parts;
    }

    static Template compile(RuleEnvironment env, String path, String text, List<PolicyProblem> problems) {
        List<Part> parts = new ArrayList<>();
        if (text == null) {
            return new Template(parts);
        }
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            if (open < 0) {
                parts.add(new Part(text.substring(i), null));
                break;
            }
            if (open > i) {
                parts.add(new Part(text.substring(i, open), null));
            }
            int depth = 0;
            int close = -1;
            for (int j = open; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    close = j;
                    break;
                }
            }
            if (close < 0) {
                problems.add(PolicyProblem.at(path, "说明文字中的 { 没有对应的 }"));
                return new Template(parts);
            }
            var rule = env.compile(path + "{" + text.substring(open + 1, close) + "}",
                    text.substring(open + 1, close), RuleEnvironment.Result.STRING, problems);
            parts.add(new Part(null, rule));
            i = close + 1;
        }
        return new Template(parts);
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    String render(Map<String, ?> vars) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (p.literal() != null) {
                out.append(p.literal());
            } else if (p.expr() != null) {
                try {
                    out.append(p.expr().eval(vars));
                } catch (CelEvaluationException e) {
                    out.append('?');
                }
            }
        }
        return out.toString();
    }
}
