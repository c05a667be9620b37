package org.xuewei.platform.catalog.importing;

import org.xuewei.platform.catalog.EnrollmentPlan;
import org.xuewei.platform.catalog.School;
import org.xuewei.platform.catalog.SchoolStage;
import org.xuewei.platform.catalog.Zone;

import java.util.List;
import java.util.Set;

/**
 * What a checked import writes: schools (inserted or updated), the zones that replace every zone of
 * their season, district and stage, and plans (inserted or updated).
 */
public record CatalogChanges(List<School> schools, List<Zone> zones, Set<ZoneScope> replacedZones,
                             List<EnrollmentPlan> plans) {

    /** The zones of one season, district and stage, replaced as a whole. */
    public record ZoneScope(int season, String districtCode, SchoolStage stage) {
    }

    public boolean isEmpty() {
        return schools.isEmpty() && zones.isEmpty() && plans.isEmpty();
    }
}
