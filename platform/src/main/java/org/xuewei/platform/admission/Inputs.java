package org.xuewei.platform.admission;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.xuewei.platform.admission.allocation.AllocationInput;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyLibrary;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gathers what a run is a function of: the applications (refusing while unverified ones are left,
 * unless staff exclude them with a reason), the schools' plans, and the district's rules.
 */
@Component
class Inputs {

    static final String CITY_DEFAULT = "nanchang-urban-2025";

    /** The gathered input, and what was left out. */
    record Selection(AllocationInput input, int excluded, String excludedReason) {
    }

    private final ObjectProvider<AdmissionCandidates> candidates;
    private final ObjectProvider<SchoolSeats> seats;
    private final Map<String, AdmissionRules> rules = new ConcurrentHashMap<>();

    Inputs(ObjectProvider<AdmissionCandidates> candidates, ObjectProvider<SchoolSeats> seats) {
        this.candidates = candidates;
        this.seats = seats;
    }

    /** False when no module provides applications yet (the console says so). */
    boolean available() {
        return candidates.getIfAvailable() != null && seats.getIfAvailable() != null;
    }

    /** How many applications there are and how many are not verified yet. */
    int[] counts(String district, int season, int grade) {
        AdmissionCandidates source = candidates.getIfAvailable();
        if (source == null) {
            return new int[] {0, 0};
        }
        List<AdmissionCandidate> all = source.of(district, season, grade);
        return new int[] {all.size(), (int) all.stream().filter(c -> !c.verified()).count()};
    }

    Selection select(String district, int season, int grade, String excludeReason) {
        AdmissionCandidates source = candidates.getIfAvailable();
        SchoolSeats plans = seats.getIfAvailable();
        if (source == null || plans == null) {
            throw new AdmissionRefused("admission.refused.no-applications");
        }
        List<AdmissionCandidate> all = source.of(district, season, grade);
        List<AdmissionCandidate> verified = all.stream().filter(AdmissionCandidate::verified).toList();
        int unverified = all.size() - verified.size();
        String reason = excludeReason == null ? "" : excludeReason.strip();
        if (unverified > 0 && reason.length() < 4) {
            throw new AdmissionRefused("admission.refused.unverified", unverified);
        }
        if (verified.isEmpty()) {
            throw new AdmissionRefused("admission.refused.no-applications");
        }
        List<AdmissionSchool> schools = plans.of(district, season, grade);
        if (schools.isEmpty()) {
            throw new AdmissionRefused("admission.refused.no-plans");
        }
        return new Selection(new AllocationInput(district, season, grade, verified, schools, rulesOf(district)),
                unverified, unverified > 0 ? reason : null);
    }

    /**
     * The appeal window (复议) of the district's policy for a grade, moved to the season's year; empty when the
     * policy has no APPEAL phase.
     */
    java.util.Optional<java.time.LocalDateTime[]> appealWindow(String district, int season, int grade) {
        Policy p = policyOf(district);
        if (p == null) {
            return java.util.Optional.empty();
        }
        org.xuewei.platform.policy.Grade g = grade == 7 ? org.xuewei.platform.policy.Grade.G7
                : org.xuewei.platform.policy.Grade.G1;
        int shift = season - p.season();
        return p.calendar() == null ? java.util.Optional.empty() : p.calendar().phases().stream()
                .filter(ph -> ph.grade() == g && "APPEAL".equals(ph.code()))
                .findFirst().map(ph -> new java.time.LocalDateTime[] {ph.start().plusYears(shift), ph.end().plusYears(shift)});
    }

    private Policy policyOf(String district) {
        try {
            PolicyLibrary library = PolicyLibrary.shipped();
            for (String id : library.ids()) {
                Policy p = library.resolve(id);
                if (district.equals(p.district()) && p.example() == null) {
                    return p;
                }
            }
            return library.resolve(CITY_DEFAULT);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The district's shipped policy, else the city default's (tie-breaks, 统筹, 优待 categories). */
    AdmissionRules rulesOf(String district) {
        return rules.computeIfAbsent(district, d -> {
            try {
                PolicyLibrary library = PolicyLibrary.shipped();
                for (String id : library.ids()) {
                    Policy p = library.resolve(id);
                    if (d.equals(p.district()) && p.example() == null) {
                        return AdmissionRules.of(p);
                    }
                }
                return AdmissionRules.of(library.resolve(CITY_DEFAULT));
            } catch (RuntimeException e) {
                return AdmissionRules.defaults();
            }
        });
    }
}
