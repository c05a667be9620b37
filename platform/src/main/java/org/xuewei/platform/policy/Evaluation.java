package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * The judgement of one child for one school under one policy version. Applications store it, with
 * {@link #policy()} naming the exact version that judged them.
 *
 * @param preferential     confirmed 优待 categories the policy admits before ranking
 * @param hukouMoveInDate  the child's hukou move-in date, for an earlier-date tie-break (null if none)
 * @param points           null when the policy has no points formula
 * @param evidence         how each registry record was judged (empty in bulk mode)
 */
public record Evaluation(String childId, Grade grade, String schoolId, PolicyRef policy, EligibilityDecision eligibility,
                         CategoryDecision category, PointsScore points, List<String> preferential,
                         LocalDate hukouMoveInDate, List<EvidenceNote> evidence) {
    public Evaluation {
        preferential = preferential == null ? List.of() : List.copyOf(preferential);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
