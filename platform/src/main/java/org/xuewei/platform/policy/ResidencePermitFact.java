package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 居住证 — a residence permit held by a guardian.
 *
 * @param address where the permit says the holder lives (居住地址; a 随迁子女 family may have no other address in the
 *                city), or null when the registry did not say
 */
public record ResidencePermitFact(String permitNo, Relation holder, String cityCode, LocalDate issueDate,
                                  LocalDate validUntil, SourceRef source, Address address) {
    public ResidencePermitFact {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(validUntil, "validUntil");
        cityCode = cityCode == null ? "" : cityCode;
        source = source == null ? SourceRef.of(RegistrySource.RESIDENCE_PERMIT, permitNo) : source;
    }

    public ResidencePermitFact(String permitNo, Relation holder, String cityCode, LocalDate issueDate,
                               LocalDate validUntil, SourceRef source) {
        this(permitNo, holder, cityCode, issueDate, validUntil, source, null);
    }
}
