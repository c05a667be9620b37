package org.xuewei.platform.registry;

import org.xuewei.platform.policy.ChildFacts;

import java.util.List;

/**
 * The result of a one-click check (学位信息一键查): the typed facts, every registry's outcome, the evidence kept and
 * the records that are missing. {@code facts} is null when the child's own hukou could not be read at all.
 *
 * @param missing codes of records expected but not found, e.g. {@code CHILD_HUKOU}, {@code PROPERTY_AT_HUKOU}
 */
public record FactsReport(ChildFacts facts, String childName, List<RegistryStatus> statuses, List<Evidence> evidence,
                          List<String> missing) {
    public FactsReport {
        statuses = List.copyOf(statuses);
        evidence = List.copyOf(evidence);
        missing = List.copyOf(missing);
    }

    /** Every registry answered (a record or a definite "no record"). */
    public boolean complete() {
        return statuses.stream().noneMatch(s -> s.outcome() == LookupOutcome.UNAVAILABLE);
    }

    public List<RegistryStatus> unavailable() {
        return statuses.stream().filter(s -> s.outcome() == LookupOutcome.UNAVAILABLE).toList();
    }
}
