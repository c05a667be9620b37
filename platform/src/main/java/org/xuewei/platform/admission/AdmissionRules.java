package org.xuewei.platform.admission;

import org.xuewei.platform.policy.Policy;

import java.util.List;
import java.util.Set;

/**
 * What the allocation takes from the district's policy: the tie-breaks within a category, whether
 * 统筹 goes to the nearest school with room, the 优待 categories admitted first, and how many
 * nearest schools an overflow child may be placed at.
 */
public record AdmissionRules(List<Policy.TieBreak> tieBreak, boolean overflowNearest,
                             Set<String> preferentialCategories, int overflowSchools) {

    public AdmissionRules {
        tieBreak = tieBreak == null ? List.of(Policy.TieBreak.LOTTERY) : List.copyOf(tieBreak);
        preferentialCategories = preferentialCategories == null ? Set.of() : Set.copyOf(preferentialCategories);
        overflowSchools = Math.max(1, overflowSchools);
    }

    public static AdmissionRules of(Policy policy) {
        return new AdmissionRules(policy.tieBreak(), policy.overflow() != Policy.Overflow.DISTRICT_ASSIGNS,
                Set.copyOf(policy.preferentialCategories()), 5);
    }

    /** Lottery within a category, 统筹 to the nearest of 5 schools, every confirmed 优待 category. */
    public static AdmissionRules defaults() {
        return new AdmissionRules(List.of(Policy.TieBreak.LOTTERY), true, Set.of(), 5);
    }

    /** An empty set admits every confirmed 优待 category. */
    public boolean preferential(String category) {
        return category != null && (preferentialCategories.isEmpty() || preferentialCategories.contains(category));
    }
}
