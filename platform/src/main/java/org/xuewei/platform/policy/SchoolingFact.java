package org.xuewei.platform.policy;

import java.time.LocalDate;

/** 学籍 — the child's primary-school record (G7): school, and graduation (毕业) if recorded. */
public record SchoolingFact(String studentNo, String schoolId, String districtCode, LocalDate graduationDate,
                            SourceRef source) {
    public SchoolingFact {
        source = source == null ? SourceRef.of(RegistrySource.STUDENT_REGISTRY, studentNo) : source;
    }
}
