package org.xuewei.platform.policy;

/**
 * One thing wrong with a policy, said where it is: {@code path} in the policy (e.g. {@code categories[C1].routes[main]
 * .conditions[0].when}), a Chinese message, and for CEL errors the 1-based line and column in the rule.
 */
public record PolicyProblem(String path, String message, Integer line, Integer column) {
    public static PolicyProblem at(String path, String message) {
        return new PolicyProblem(path, message, null, null);
    }

    @Override
    public String toString() {
        return line == null ? path + "：" + message : path + "（第" + line + "行第" + column + "列）：" + message;
    }
}
