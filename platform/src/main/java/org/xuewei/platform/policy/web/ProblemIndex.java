package org.xuewei.platform.policy.web;

import java.util.List;

/**
 * The problems of a refused save, found by where they are: the page shows each one next to its field (exact path)
 * and all of them in a list at the top, each linking to its field.
 */
public record ProblemIndex(List<org.xuewei.platform.policy.PolicyProblem> all) {

    static final ProblemIndex NONE = new ProblemIndex(List.of());

    public ProblemIndex {
        all = List.copyOf(all);
    }

    /** The problems at exactly this path. */
    public List<org.xuewei.platform.policy.PolicyProblem> at(String path) {
        return all.stream().filter(p -> path.equals(p.path())).toList();
    }

    /** The problems at this path or inside it ({@code categories[C1]} holds {@code categories[C1].routes}). */
    public List<org.xuewei.platform.policy.PolicyProblem> within(String path) {
        return all.stream().filter(p -> p.path() != null && (p.path().equals(path) || p.path().startsWith(path + ".")
                || p.path().startsWith(path + "["))).toList();
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** An HTML id for a field path. */
    public static String id(String path) {
        return "f-" + (path == null ? "" : path.replaceAll("[^A-Za-z0-9_-]", "-"));
    }
}
