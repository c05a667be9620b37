package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** 不动产权证 — a registered property certificate. */
public record PropertyFact(String certificateNo, Address address, PropertyUsage usage, LocalDate certificateDate,
                           List<Owner> owners, List<PlaceUse> placeUses, SourceRef source) {
    public PropertyFact {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(certificateDate, "certificateDate");
        owners = List.copyOf(owners);
        placeUses = placeUses == null ? List.of() : List.copyOf(placeUses);
        source = source == null ? SourceRef.of(RegistrySource.PROPERTY, certificateNo) : source;
    }
}
