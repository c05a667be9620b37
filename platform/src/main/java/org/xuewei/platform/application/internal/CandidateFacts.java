package org.xuewei.platform.application.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuewei.platform.policy.ChildFacts;
import org.xuewei.platform.policy.HukouFact;
import org.xuewei.platform.policy.PreferentialFact;
import org.xuewei.platform.policy.Relation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the registries said when an application was last judged, in {@code application.candidate_facts}: the child's
 * hukou move-in date, a confirmed 优待 category, the chosen home's zone schools (chosen one first) and the facts as
 * JSON. Allocation ({@link AdmissionCandidateSource}) and policy previews ({@link ApplicantPopulation}) read it, so
 * neither asks the registries again.
 */
@Repository
public class CandidateFacts {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcClient jdbc;

    CandidateFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records (or replaces) the facts an application was judged on.
     *
     * @param chosenSchool the public school applied to, first in the zone list
     * @param homeSchools  every public school zoned for the chosen home (多校划片), or empty
     */
    public void record(UUID applicationId, ChildFacts facts, String chosenSchool, List<String> homeSchools, Instant now) {
        recordAll(List.of(new Recorded(applicationId, facts, chosenSchool, homeSchools, now)));
    }

    /** The facts one application was judged on (see {@link #record}). */
    public record Recorded(UUID applicationId, ChildFacts facts, String chosenSchool, List<String> homeSchools, Instant at) {
    }

    /** Records (or replaces) the facts of many applications in one statement. */
    public void recordAll(List<Recorded> all) {
        Map<String, Object> arrays = arrays(all);
        if (arrays.isEmpty()) {
            return;
        }
        jdbc.sql(UPSERT_FROM_ARRAYS).params(arrays).update();
    }

    /**
     * The facts of new applications from the arrays of {@link #arrays} (named {@code :factIds} … {@code :factAts}), for
     * a statement that writes them with the applications ({@link ApplicationStore#insertNew}): a plain insert, as a new
     * application has no facts yet (an upsert's speculative insertion cost ≈ 2 % of the database's CPU per submission,
     * measured with perf in a load run).
     */
    static final String INSERT_FROM_ARRAYS = """
            insert into application.candidate_facts (application_id, hukou_date, preferential, zone_schools, facts, recorded_at)
            select cast(u.id as uuid), cast(u.hukou as date), u.preferential, u.zone, cast(u.facts as json),
                cast(u.at as timestamptz)
            from unnest(:factIds, :factHukou, :factPreferential, :factZones, :facts, :factAts)
                as u(id, hukou, preferential, zone, facts, at)""";

    /** {@link #INSERT_FROM_ARRAYS}, replacing the facts an application already has ({@link #recordAll}). */
    static final String UPSERT_FROM_ARRAYS = INSERT_FROM_ARRAYS + """

            on conflict (application_id) do update set hukou_date = excluded.hukou_date,
                preferential = excluded.preferential, zone_schools = excluded.zone_schools,
                facts = excluded.facts, recorded_at = excluded.recorded_at""";

    /** The parameters of {@link #INSERT_FROM_ARRAYS} and {@link #UPSERT_FROM_ARRAYS}; empty when no facts are known. */
    static Map<String, Object> arrays(List<Recorded> all) {
        List<Recorded> known = all.stream().filter(r -> r.facts() != null).toList();
        if (known.isEmpty()) {
            return Map.of();
        }
        int n = known.size();
        String[] ids = new String[n];
        String[] hukou = new String[n];
        String[] preferential = new String[n];
        String[] zones = new String[n];
        String[] facts = new String[n];
        String[] ats = new String[n];
        for (int i = 0; i < n; i++) {
            Recorded r = known.get(i);
            List<String> zone = new ArrayList<>();
            if (r.chosenSchool() != null) {
                zone.add(r.chosenSchool());
            }
            for (String s : r.homeSchools() == null ? List.<String>of() : r.homeSchools()) {
                if (!zone.contains(s)) {
                    zone.add(s);
                }
            }
            ids[i] = r.applicationId().toString();
            hukou[i] = r.facts().hukouOf(Relation.CHILD).map(HukouFact::moveInDate).map(Object::toString).orElse(null);
            preferential[i] = r.facts().preferential().stream().map(PreferentialFact::category).findFirst().orElse(null);
            zones[i] = String.join(",", zone);
            facts[i] = JSON.writeValueAsString(r.facts());
            ats[i] = r.at().toString();
        }
        return Map.of("factIds", ids, "factHukou", hukou, "factPreferential", preferential, "factZones", zones,
                "facts", facts, "factAts", ats);
    }

    static ChildFacts read(String json) {
        return JSON.readValue(json, ChildFacts.class);
    }
}
