package org.xuewei.platform.policy;

import java.util.List;

/** 入学资格 — eligible for the grade or not, with the reasons (age at cut-off, graduation, extra rules). */
public record EligibilityDecision(boolean eligible, int ageAtCutoff, List<Reason> reasons) {
    public EligibilityDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
