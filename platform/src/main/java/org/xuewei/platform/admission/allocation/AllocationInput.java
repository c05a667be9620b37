package org.xuewei.platform.admission.allocation;

import org.xuewei.platform.admission.AdmissionCandidate;
import org.xuewei.platform.admission.AdmissionRules;
import org.xuewei.platform.admission.AdmissionSchool;

import java.util.Comparator;
import java.util.List;

/** Everything an allocation is a function of (besides the seed): frozen as the draw's snapshot. */
public record AllocationInput(String districtCode, int season, int grade, List<AdmissionCandidate> candidates,
                              List<AdmissionSchool> schools, AdmissionRules rules) {

    public AllocationInput {
        candidates = candidates.stream().sorted(Comparator.comparing(AdmissionCandidate::applicationNo)).toList();
        schools = schools.stream().sorted(Comparator.comparing(AdmissionSchool::code)).toList();
    }
}
