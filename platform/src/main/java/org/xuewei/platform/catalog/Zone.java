package org.xuewei.platform.catalog;

import java.util.List;

/**
 * 学区 — a school zone of one season: the communities whose children belong to its school, or to
 * several schools for a multi-school zone (多校划片, places decided by lottery).
 *
 * @param code           the zone's code, unique within its district and season
 * @param districtCode   the district that drew it
 * @param season         the enrollment year, e.g. 2027
 * @param stage          the stage of its schools
 * @param schoolCodes    its schools, by code
 * @param communityCodes its communities, by code
 */
public record Zone(String code, String districtCode, int season, SchoolStage stage, List<String> schoolCodes,
                   List<String> communityCodes) {

    public Zone {
        schoolCodes = List.copyOf(schoolCodes);
        communityCodes = List.copyOf(communityCodes);
    }

    /** 多校划片: more than one school for the same communities. */
    public boolean multiSchool() {
        return schoolCodes.size() > 1;
    }
}
