package org.xuewei.platform.policy;

import java.util.List;

/**
 * 生源类别 — the first category (by rank) whose route held, or none ({@code rank == 0}).
 * {@code reasons} are the held conditions of the deciding route (for parents); {@code tried} lists every
 * condition of every category tried before, with whether it held (for staff; empty when judged by
 * {@link PolicyEvaluator#evaluateForParent}).
 */
public record CategoryDecision(String code, int rank, String name, String nameEn, String routeId, String routeName,
                               List<Reason> reasons, List<Reason> tried) {
    public CategoryDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        tried = tried == null ? List.of() : List.copyOf(tried);
    }

    public static CategoryDecision none(List<Reason> tried) {
        return new CategoryDecision(null, 0, null, null, null, null, List.of(), tried);
    }

    public boolean decided() {
        return rank > 0;
    }
}
