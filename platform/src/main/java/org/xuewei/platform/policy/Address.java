package org.xuewei.platform.policy;

import java.util.Objects;
import java.util.Set;

/**
 * A located address: district (GB/T 2260 code), community, and the schools whose zone (学区) covers it.
 * The zones come from the catalog's 学区划片, the rest from the registry record.
 */
public record Address(String id, String districtCode, String communityCode, Set<String> zoneSchools) {
    public Address {
        Objects.requireNonNull(districtCode, "districtCode");
        id = id == null ? "" : id;
        communityCode = communityCode == null ? "" : communityCode;
        zoneSchools = zoneSchools == null ? Set.of() : Set.copyOf(zoneSchools);
    }

    public boolean inZoneOf(String schoolId) {
        return zoneSchools.contains(schoolId);
    }
}
