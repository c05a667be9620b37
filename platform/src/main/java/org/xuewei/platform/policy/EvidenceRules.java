package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * 材料有效性 — when a registry record counts as evidence. Applied before the category rules, which see the result
 * as {@code usable} flags and reasons.
 *
 * @param certificateCutoff           property certificate (or contract) dated on or before this day
 * @param acceptedUsages              usages that count at all (商业/办公/车库 usually do not)
 * @param minFamilySharePercent       share held by the child, parents and grandparents together
 * @param directRelativesOnly         co-ownership with anyone but direct relatives is rejected
 * @param contractCountsAsCertificate a 网签购房合同 counts as a certificate
 * @param contractRequiresDelivery    … only for a delivered home (已交房入住)
 * @param rentalCutoff                rental registered on or before this day
 * @param permitCutoff                居住证 issued on or before this day
 * @param insuranceCutoff             social insurance paid since on or before this day
 * @param validOn                     permits and rentals must still be valid on this day
 * @param urbanDistricts              the 城区 (urban area) districts, for "no property in the urban area"
 */
public record EvidenceRules(LocalDate certificateCutoff, List<PropertyUsage> acceptedUsages,
                            int minFamilySharePercent, boolean directRelativesOnly,
                            boolean contractCountsAsCertificate, boolean contractRequiresDelivery,
                            LocalDate rentalCutoff, LocalDate permitCutoff, LocalDate insuranceCutoff,
                            LocalDate validOn, List<String> urbanDistricts) {
    public EvidenceRules {
        acceptedUsages = acceptedUsages == null ? List.of() : List.copyOf(acceptedUsages);
        urbanDistricts = urbanDistricts == null ? List.of() : List.copyOf(urbanDistricts);
    }
}
