package org.xuewei.platform.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * 预览 — a draft evaluated against the applicants (or the synthetic city before the season) next to the published
 * version: counts per school and category under each, and every child whose decision changes.
 *
 * @param counts   school → category code ({@code "-"} for none, {@code "ineligible"}) → {published, draft}
 * @param changed  children whose category (or eligibility) differs, with both decisions
 */
public record PolicyPreview(PolicyRef published, PolicyRef draft, int applicants,
                            Map<String, Map<String, int[]>> counts, List<Change> changed) {

    /** One child judged differently by the draft. */
    public record Change(String childId, String schoolId, String before, String after) {
    }

    /** Evaluate both policies over all applicants (in parallel; bulk path, no explanations). */
    public static PolicyPreview of(PolicyEvaluator published, PolicyEvaluator draft, List<Applicant> applicants) {
        Evaluation[][] results = new Evaluation[applicants.size()][];
        IntStream.range(0, applicants.size()).parallel().forEach(i -> {
            Applicant a = applicants.get(i);
            results[i] = new Evaluation[] {
                published.decide(a.facts(), a.schoolId(), a.districtCode()),
                draft.decide(a.facts(), a.schoolId(), a.districtCode())};
        });
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        List<Change> changed = new java.util.ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            Applicant a = applicants.get(i);
            String before = label(results[i][0]);
            String after = label(results[i][1]);
            Map<String, int[]> school = counts.computeIfAbsent(a.schoolId(), k -> new TreeMap<>());
            school.computeIfAbsent(before, k -> new int[2])[0]++;
            school.computeIfAbsent(after, k -> new int[2])[1]++;
            if (!Objects.equals(before, after)) {
                changed.add(new Change(a.facts().childId(), a.schoolId(), before, after));
            }
        }
        return new PolicyPreview(published.ref(), draft.ref(), applicants.size(), counts, List.copyOf(changed));
    }

    private static String label(Evaluation e) {
        if (!e.eligibility().eligible()) {
            return "ineligible";
        }
        return e.category().decided() ? e.category().code() : "-";
    }
}
