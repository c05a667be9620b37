package org.xuewei.platform.policy;

import java.util.List;

/**
 * 招生政策 — one district's (or the city's) resolved enrollment policy for one season.
 * A district policy is the city default with the district's overrides applied ({@code basedOn}).
 * Plain data: compile it with {@link PolicyEvaluator#compile(Policy)} to validate and run it.
 *
 * @param id         stable id, e.g. {@code nanchang-county-2025}
 * @param district   GB/T 2260 code, or {@code null} for a city default
 * @param basedOn    id of the policy this one overrides, or {@code null}
 * @param example    if non-null, a label saying this policy (or part of it) is an illustration, not an official rule
 */
public record Policy(String id, String name, String district, int season, String basedOn, String example,
                     SeasonWindow window, EligibilityRules eligibility, EvidenceRules evidence,
                     List<CategoryRule> categories, PointsRules points, List<TieBreak> tieBreak,
                     PropertyLock propertyLock, Overflow overflow, SiblingRules siblings,
                     PrivateSchoolRules privateSchools, List<String> preferentialCategories,
                     PolicyCalendar calendar) {

    public Policy {
        categories = categories == null ? List.of() : List.copyOf(categories);
        tieBreak = tieBreak == null ? List.of(TieBreak.LOTTERY) : List.copyOf(tieBreak);
        preferentialCategories = preferentialCategories == null ? List.of() : List.copyOf(preferentialCategories);
    }

    /** 录取方式 when a category does not fit: order within it. */
    public enum TieBreak {
        /** 电脑随机派位 */
        LOTTERY,
        /** 户籍迁入时间早者优先 */
        EARLIER_HUKOU_DATE,
        /** 积分高者优先 */
        POINTS
    }

    /** 统筹 — what happens to children a school cannot take. */
    public enum Overflow {
        /** placed by the district at the nearest school with room */
        NEAREST_WITH_ROOM,
        /** placed by the district case by case */
        DISTRICT_ASSIGNS
    }
}
