package org.xuewei.platform.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy was refused; {@link #problems()} lists every problem found, not just the first. */
public class PolicyValidationException extends RuntimeException {
    private final transient List<PolicyProblem> problems;

    public PolicyValidationException(List<PolicyProblem> problems) {
        super("政策校验未通过：\n" + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
