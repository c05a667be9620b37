package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * 入学资格 — grade eligibility. G1: at least {@code minAge} full years on {@code ageCutoff} (e.g. 6 by 31 August);
 * G7: a graduation recorded in 学籍 when {@code requireGraduation}. {@code extra} conditions (CEL) must also hold.
 */
public record EligibilityRules(LocalDate ageCutoff, int minAge, boolean requireGraduation, List<Condition> extra) {
    public EligibilityRules {
        extra = extra == null ? List.of() : List.copyOf(extra);
    }
}
