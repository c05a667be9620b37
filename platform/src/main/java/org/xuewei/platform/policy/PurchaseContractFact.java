package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** 网签购房合同 — a registered purchase contract; {@code delivered} = 已交房入住. */
public record PurchaseContractFact(String contractNo, Address address, PropertyUsage usage, LocalDate signedDate,
                                   boolean delivered, LocalDate deliveryDate, List<Owner> buyers,
                                   List<PlaceUse> placeUses, SourceRef source) {
    public PurchaseContractFact {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(signedDate, "signedDate");
        buyers = List.copyOf(buyers);
        placeUses = placeUses == null ? List.of() : List.copyOf(placeUses);
        source = source == null ? SourceRef.of(RegistrySource.PURCHASE_CONTRACT, contractNo) : source;
    }
}
