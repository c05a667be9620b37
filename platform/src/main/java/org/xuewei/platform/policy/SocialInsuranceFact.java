package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 社保 — a guardian's contribution record for one insurance kind (e.g. 职工基本养老保险): months paid in the city,
 * first and last month paid.
 */
public record SocialInsuranceFact(Relation holder, String kind, int months, LocalDate firstPaid, LocalDate lastPaid,
                                  SourceRef source) {
    public SocialInsuranceFact {
        Objects.requireNonNull(holder, "holder");
        kind = kind == null ? "" : kind;
        Objects.requireNonNull(firstPaid, "firstPaid");
        Objects.requireNonNull(lastPaid, "lastPaid");
        source = source == null ? SourceRef.of(RegistrySource.SOCIAL_INSURANCE, "") : source;
    }
}
