package org.xuewei.platform.application.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuewei.platform.admission.AdmissionCandidate;
import org.xuewei.platform.admission.AdmissionCandidates;
import org.xuewei.platform.catalog.School;
import org.xuewei.platform.catalog.Schools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The admission module's view of the applications (录取候选): every active application of a district's season and
 * grade, pseudonymous (the application number only), with the category and points the policy (or a reviewer) found,
 * the child's hukou move-in date, the zone school(s) with the chosen one first, the private school, a twin group
 * (children of one guardian born the same day applying the same season and grade), the home's location (the zone
 * school's, as the home's community has no coordinates in the catalog), a confirmed 优待 category, and whether
 * verification is finished. Withdrawn and rejected applications are not candidates.
 */
@Component
class AdmissionCandidateSource implements AdmissionCandidates {

    /** Rank given to an application the policy placed in no category yet (never verified that way). */
    static final int UNDECIDED_RANK = 99;

    private final JdbcClient jdbc;
    private final Schools schools;

    AdmissionCandidateSource(JdbcClient jdbc, Schools schools) {
        this.jdbc = jdbc;
        this.schools = schools;
    }

    @Override
    public List<AdmissionCandidate> of(String districtCode, int season, int grade) {
        String g = grade == 7 ? "G7" : "G1";
        Map<String, double[]> located = new HashMap<>();
        for (School s : schools.ofDistrict(districtCode)) {
            if (s.lat() != null && s.lon() != null) {
                located.put(s.code(), new double[] {s.lat(), s.lon()});
            }
        }
        return jdbc.sql("""
                        select a.number, a.status, a.public_school, a.private_school, a.category_rank, a.points,
                               f.hukou_date, f.preferential, f.zone_schools,
                               case when count(*) over (partition by a.guardian_hash, c.birth_date) > 1
                                    then left(md5(a.guardian_hash || ':' || c.birth_date), 16) end as group_key
                        from application.application a
                        join application.child c on c.id = a.child_id
                        left join application.candidate_facts f on f.application_id = a.id
                        where a.district_code = :district and a.season = :season and a.grade = :grade
                          and a.status not in ('WITHDRAWN', 'REJECTED')
                        order by a.number""")
                .param("district", districtCode).param("season", season).param("grade", g)
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    String zone = rs.getString("zone_schools");
                    List<String> zoneSchools = zone == null || zone.isBlank() ? List.of(rs.getString("public_school"))
                            : Arrays.asList(zone.split(","));
                    double[] at = located.get(zoneSchools.get(0));
                    int rank = rs.getInt("category_rank");
                    BigDecimal points = rs.getBigDecimal("points");
                    return new AdmissionCandidate(rs.getString("number"), districtCode, season, grade,
                            rank > 0 ? rank : UNDECIDED_RANK, points, rs.getObject("hukou_date", LocalDate.class),
                            zoneSchools, rs.getString("private_school"), rs.getString("group_key"),
                            at == null ? null : at[0], at == null ? null : at[1], rs.getString("preferential"),
                            verified(status));
                })
                .list();
    }

    static boolean verified(String status) {
        return switch (status) {
            case "VERIFIED", "ALLOCATED", "PUBLISHED", "CONFIRMED" -> true;
            default -> false;
        };
    }
}
