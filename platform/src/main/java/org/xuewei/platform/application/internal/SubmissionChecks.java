package org.xuewei.platform.application.internal;

import org.xuewei.platform.application.ReviewReason;
import org.xuewei.platform.policy.ChildFacts;
import org.xuewei.platform.policy.Evaluation;
import org.xuewei.platform.policy.HukouFact;
import org.xuewei.platform.policy.MaritalEventFact;
import org.xuewei.platform.policy.Owner;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PropertyUsage;
import org.xuewei.platform.policy.Relation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 提交核查 — checks at submission, as a pure function of the facts, the policy's judgement and the chosen home. A
 * failed check sends the application to review with its reason; nothing is rejected here.
 */
public final class SubmissionChecks {

    private static final Set<PropertyUsage> NON_RESIDENTIAL = EnumSet.of(PropertyUsage.COMMERCIAL, PropertyUsage.OFFICE,
            PropertyUsage.GARAGE);

    /** The home the parent chose, as the checks need it. */
    public record ChosenHome(PropertyUsage usage, List<Owner> owners, boolean usedByAnotherFamily) {
    }

    private SubmissionChecks() {
    }

    public static List<ReviewReason> run(ChildFacts facts, List<String> missing, Evaluation evaluation, Policy policy,
                                         ChosenHome home, int recentMoveInMonths, int divorceMonths) {
        List<ReviewReason> reasons = new ArrayList<>();
        if (!evaluation.eligibility().eligible()) {
            reasons.add(ReviewReason.NOT_ELIGIBLE);
        }
        if (missing.contains("CHILD_HUKOU")) {
            reasons.add(ReviewReason.MISSING_CHILD_HUKOU);
        }
        if (missing.contains("PROPERTY_AT_HUKOU")) {
            reasons.add(ReviewReason.MISSING_PROPERTY_RECORD);
        }
        if (home != null && home.usedByAnotherFamily()) {
            reasons.add(ReviewReason.HOME_LOCKED);
        }
        LocalDate cutoff = policy.evidence().certificateCutoff();
        Optional<LocalDate> childMoveIn = facts.hukouOf(Relation.CHILD).map(HukouFact::moveInDate);
        if (childMoveIn.isPresent() && childMoveIn.get().isAfter(cutoff.minusMonths(recentMoveInMonths))
                && childMoveIn.get().isAfter(facts.birthDate().plusMonths(6))) {
            reasons.add(ReviewReason.RECENT_HUKOU_MOVE_IN);
        }
        for (MaritalEventFact m : facts.maritalEvents()) {
            if (m.kind() == MaritalEventFact.Kind.DIVORCE && m.date().isAfter(cutoff.minusMonths(divorceMonths))
                    && childMoveIn.isPresent() && !childMoveIn.get().isBefore(m.date())) {
                reasons.add(ReviewReason.DIVORCE_HUKOU_MOVED);
                break;
            }
        }
        if (home != null && home.owners().stream().anyMatch(o -> !o.relation().isDirect())) {
            reasons.add(ReviewReason.CO_OWNER_NON_DIRECT);
        }
        if (home != null && home.usage() != null && NON_RESIDENTIAL.contains(home.usage())) {
            reasons.add(ReviewReason.NON_RESIDENTIAL_UNIT);
        }
        if (evaluation.eligibility().eligible() && !evaluation.category().decided() && evaluation.preferential().isEmpty()) {
            reasons.add(ReviewReason.NO_CATEGORY);
        }
        return List.copyOf(reasons);
    }
}
