package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.Objects;

/** 社保 — a guardian's contribution record: months paid in the city, first and last month paid. */
public record SocialInsuranceFact(Relation holder, int months, LocalDate firstPaid, LocalDate lastPaid,
                                  SourceRef source) {
    public SocialInsuranceFact {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(firstPaid, "firstPaid");
        Objects.requireNonNull(lastPaid, "lastPaid");
        source = source == null ? SourceRef.of(RegistrySource.SOCIAL_INSURANCE, "") : source;
    }
}
