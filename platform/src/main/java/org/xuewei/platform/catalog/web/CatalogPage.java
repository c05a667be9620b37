package org.xuewei.platform.catalog.web;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.xuewei.platform.catalog.District;
import org.xuewei.platform.catalog.EnrollmentPlan;
import org.xuewei.platform.catalog.EnrollmentPlans;
import org.xuewei.platform.catalog.ImportProblem;
import org.xuewei.platform.catalog.ImportResult;
import org.xuewei.platform.catalog.School;
import org.xuewei.platform.catalog.Schools;
import org.xuewei.platform.catalog.Zone;
import org.xuewei.platform.catalog.Zones;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The model of the district catalog page: one row per school with its zone count and plan. */
@Component
class CatalogPage {

    private final Schools schools;
    private final Zones zones;
    private final EnrollmentPlans plans;
    private final CatalogAccess access;

    CatalogPage(Schools schools, Zones zones, EnrollmentPlans plans, CatalogAccess access) {
        this.schools = schools;
        this.zones = zones;
        this.plans = plans;
        this.access = access;
    }

    /** One school of the page. */
    record Row(School school, int communities, EnrollmentPlan plan, List<ImportProblem> problems, boolean saved) {
    }

    int defaultSeason() {
        return plans.seasons().stream().findFirst().orElse(access.currentSeason());
    }

    void fill(Model model, District district, Integer season, boolean canEdit) {
        int chosen = season != null ? season : defaultSeason();
        TreeSet<Integer> seasons = new TreeSet<>(plans.seasons());
        seasons.add(chosen);
        Map<String, Integer> communities = zones.communitiesPerSchool(district.code(), chosen);
        List<EnrollmentPlan> districtPlans = plans.ofDistrict(district.code(), chosen);
        List<Row> rows = new ArrayList<>();
        for (School school : schools.ofDistrict(district.code())) {
            Optional<EnrollmentPlan> plan = districtPlans.stream()
                    .filter(p -> p.schoolCode().equals(school.code()) && p.grade() == school.stage().entryGrade())
                    .findFirst();
            rows.add(new Row(school, communities.getOrDefault(school.code(), 0), plan.orElse(null), List.of(), false));
        }
        model.addAttribute("district", district);
        model.addAttribute("season", chosen);
        model.addAttribute("seasons", seasons.descendingSet());
        model.addAttribute("rows", rows);
        model.addAttribute("multiZones", zones.ofDistrict(district.code(), chosen).stream().filter(Zone::multiSchool)
                .count());
        model.addAttribute("canEdit", canEdit);
    }

    /** Marks the edited school's row with the edit's outcome; the row is also the htmx fragment's {@code row}. */
    @SuppressWarnings("unchecked")
    void markRow(Model model, String schoolCode, ImportResult result) {
        List<Row> rows = new ArrayList<>((List<Row>) model.getAttribute("rows"));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.school().code().equals(schoolCode)) {
                Row marked = new Row(row.school(), row.communities(), row.plan(), result.problems(), result.written());
                rows.set(i, marked);
                model.addAttribute("row", marked);
            }
        }
        model.addAttribute("rows", rows);
    }
}
