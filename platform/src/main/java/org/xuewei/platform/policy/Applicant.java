package org.xuewei.platform.policy;

import java.util.Objects;

/** A child applying to a school: what a bulk evaluation or a preview runs over. */
public record Applicant(ChildFacts facts, String schoolId, String districtCode) {
    public Applicant {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(schoolId, "schoolId");
    }
}
