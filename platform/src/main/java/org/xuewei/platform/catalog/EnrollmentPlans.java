package org.xuewei.platform.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** Enrollment plans (招生计划): seats per school, season and entry grade, read from {@code catalog.enrollment_plan}. */
@Service
public class EnrollmentPlans {

    private static final String COLUMNS = "school_code, season, grade, classes, class_size, seats";

    private final JdbcClient jdbc;

    EnrollmentPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan of a school for a season and entry grade (1 or 7). */
    public Optional<EnrollmentPlan> find(String schoolCode, int season, int grade) {
        return jdbc.sql("select " + COLUMNS + " from catalog.enrollment_plan "
                        + "where school_code = :school and season = :season and grade = :grade")
                .param("school", schoolCode).param("season", season).param("grade", grade)
                .query(EnrollmentPlan.class).optional();
    }

    /** The seats a school offers in a season and entry grade; 0 when it has no plan. */
    public int seats(String schoolCode, int season, int grade) {
        return find(schoolCode, season, grade).map(EnrollmentPlan::seats).orElse(0);
    }

    /** The plans of a district's schools for a season, by school code. */
    public List<EnrollmentPlan> ofDistrict(String districtCode, int season) {
        return jdbc.sql("""
                        select p.school_code, p.season, p.grade, p.classes, p.class_size, p.seats
                        from catalog.enrollment_plan p join catalog.school s on s.code = p.school_code
                        where s.district_code = :district and p.season = :season
                        order by p.school_code, p.grade""")
                .param("district", districtCode).param("season", season)
                .query(EnrollmentPlan.class).list();
    }

    /** The seasons that have plans, newest first. */
    public List<Integer> seasons() {
        return jdbc.sql("select distinct season from catalog.enrollment_plan order by season desc")
                .query(Integer.class).list();
    }
}
