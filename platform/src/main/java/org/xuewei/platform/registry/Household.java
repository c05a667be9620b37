package org.xuewei.platform.registry;

import java.util.List;

/** The guardian's household as the hukou registry sees it: the children of enrollment age, or why there are none. */
public record Household(LookupOutcome outcome, List<EnrollableChild> children) {
    public Household {
        children = children == null ? List.of() : List.copyOf(children);
    }
}
