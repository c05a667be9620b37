package org.xuewei.platform.catalog;

/**
 * A school (学校) as other modules see it.
 *
 * @param code          the school's id, unique in the city, e.g. {@code 360102P001}
 * @param name          its Chinese name
 * @param districtCode  the district that runs or licenses it
 * @param stage         primary (小学) or junior (初中)
 * @param ownership     public (公办) or private (民办)
 * @param communityCode the community (社区/村) it stands in
 * @param address       its postal address, or empty
 * @param lon           longitude (WGS 84), or {@code null}
 * @param lat           latitude (WGS 84), or {@code null}
 */
public record School(String code, String name, String districtCode, SchoolStage stage, SchoolOwnership ownership,
                     String communityCode, String address, Double lon, Double lat) {

    public boolean isPrivate() {
        return ownership == SchoolOwnership.PRIVATE;
    }
}
