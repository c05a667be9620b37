package org.xuewei.platform.application.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuewei.platform.admission.AdmissionCandidate;
import org.xuewei.platform.admission.AdmissionCandidates;
import org.xuewei.platform.catalog.CommunityLocations;
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
 * (children of one guardian born the same day applying the same season and grade), the home's location (its
 * community's, from the chosen home's address in the facts; the zone school's where the community has no location,
 * marked so), a confirmed 优待 category, and whether verification is finished. Withdrawn and rejected applications are not candidates.
 */
@Component
class AdmissionCandidateSource implements AdmissionCandidates {

    /** Rank given to an application the policy placed in no category yet (never verified that way). */
    static final int UNDECIDED_RANK = 99;

    private final JdbcClient jdbc;
    private final Schools schools;
    private final CommunityLocations communities;

    AdmissionCandidateSource(JdbcClient jdbc, Schools schools, CommunityLocations communities) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.communities = communities;
    }

    private record Row(AdmissionCandidate candidate, String homeCommunity) {
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
        List<Row> rows = jdbc.sql("""
                        select a.number, a.status, a.public_school, a.private_school, a.category_rank, a.points,
                               f.hukou_date, f.preferential, f.zone_schools,
                               jsonb_path_query_first(cast(f.facts as jsonb), cast(case left(a.home_ref, 2)
                                   when 'P:' then '$.properties[*]' when 'C:' then '$.contracts[*]'
                                   when 'H:' then '$.hukous[*]' when 'R:' then '$.rentals[*]'
                                   when 'M:' then '$.permits[*]' end
                                   || ' ? (@.source.recordId == $r).address.communityCode' as jsonpath),
                                   jsonb_build_object('r', substr(a.home_ref, 3))) #>> '{}' as home_community,
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
                    return new Row(new AdmissionCandidate(rs.getString("number"), districtCode, season, grade,
                            rank > 0 ? rank : UNDECIDED_RANK, points, rs.getObject("hukou_date", LocalDate.class),
                            zoneSchools, rs.getString("private_school"), rs.getString("group_key"),
                            at == null ? null : at[0], at == null ? null : at[1], rs.getString("preferential"),
                            verified(status), false), rs.getString("home_community"));
                })
                .list();
        Map<String, CommunityLocations.Location> homes = communities.of(rows.stream().map(Row::homeCommunity).toList());
        return rows.stream().map(r -> {
            CommunityLocations.Location home = r.homeCommunity() == null ? null : homes.get(r.homeCommunity());
            return home == null ? r.candidate() : located(r.candidate(), home);
        }).toList();
    }

    /** The candidate located at its home community. */
    static AdmissionCandidate located(AdmissionCandidate c, CommunityLocations.Location home) {
        return new AdmissionCandidate(c.applicationNo(), c.districtCode(), c.season(), c.grade(), c.categoryRank(),
                c.points(), c.hukouDate(), c.zoneSchools(), c.privateSchool(), c.groupKey(), home.lat(), home.lon(),
                c.preferentialCategory(), c.verified(), true);
    }

    static boolean verified(String status) {
        return switch (status) {
            case "VERIFIED", "ALLOCATED", "PUBLISHED", "CONFIRMED" -> true;
            default -> false;
        };
    }
}
