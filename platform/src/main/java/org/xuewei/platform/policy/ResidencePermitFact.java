package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.Objects;

/** 居住证 — a residence permit held by a guardian. */
public record ResidencePermitFact(String permitNo, Relation holder, String cityCode, LocalDate issueDate,
                                  LocalDate validUntil, SourceRef source) {
    public ResidencePermitFact {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(validUntil, "validUntil");
        cityCode = cityCode == null ? "" : cityCode;
        source = source == null ? SourceRef.of(RegistrySource.RESIDENCE_PERMIT, permitNo) : source;
    }
}
