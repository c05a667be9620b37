package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.Objects;

/** 租赁备案 — a registered rental. */
public record RentalFact(String registrationNo, Address address, Relation tenant, LocalDate registeredDate,
                         LocalDate endDate, SourceRef source) {
    public RentalFact {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(registeredDate, "registeredDate");
        Objects.requireNonNull(endDate, "endDate");
        source = source == null ? SourceRef.of(RegistrySource.RENTAL, registrationNo) : source;
    }
}
