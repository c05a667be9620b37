package org.xuewei.platform.admission.catalog;

import org.springframework.stereotype.Component;
import org.xuewei.platform.admission.AdmissionSchool;
import org.xuewei.platform.admission.SchoolSeats;
import org.xuewei.platform.catalog.EnrollmentPlan;
import org.xuewei.platform.catalog.EnrollmentPlans;
import org.xuewei.platform.catalog.School;
import org.xuewei.platform.catalog.SchoolStage;
import org.xuewei.platform.catalog.Schools;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link SchoolSeats} over the catalog's public API: a district's schools of the grade's stage with their plans. */
@Component
class CatalogSchoolSeats implements SchoolSeats {

    private final Schools schools;
    private final EnrollmentPlans plans;

    CatalogSchoolSeats(Schools schools, EnrollmentPlans plans) {
        this.schools = schools;
        this.plans = plans;
    }

    @Override
    public List<AdmissionSchool> of(String districtCode, int season, int grade) {
        SchoolStage stage = grade == SchoolStage.JUNIOR.entryGrade() ? SchoolStage.JUNIOR : SchoolStage.PRIMARY;
        Map<String, EnrollmentPlan> byCode = plans.ofDistrict(districtCode, season).stream()
                .filter(p -> p.grade() == grade)
                .collect(Collectors.toMap(EnrollmentPlan::schoolCode, Function.identity(), (a, b) -> a));
        List<AdmissionSchool> out = new ArrayList<>();
        for (School s : schools.ofDistrict(districtCode, stage)) {
            EnrollmentPlan p = byCode.get(s.code());
            if (p != null) {
                out.add(new AdmissionSchool(s.code(), s.name(), s.isPrivate(), s.lat(), s.lon(), p.seats(),
                        p.classes(), p.classSize()));
            }
        }
        return out;
    }
}
