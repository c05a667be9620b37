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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
        if (facts == null) {
            return;
        }
        List<String> zone = new ArrayList<>();
        if (chosenSchool != null) {
            zone.add(chosenSchool);
        }
        for (String s : homeSchools == null ? List.<String>of() : homeSchools) {
            if (!zone.contains(s)) {
                zone.add(s);
            }
        }
        jdbc.sql("""
                        insert into application.candidate_facts (application_id, hukou_date, preferential, zone_schools, facts, recorded_at)
                        values (:id, :hukou, :preferential, :zone, cast(:facts as jsonb), :now)
                        on conflict (application_id) do update set hukou_date = excluded.hukou_date,
                            preferential = excluded.preferential, zone_schools = excluded.zone_schools,
                            facts = excluded.facts, recorded_at = excluded.recorded_at""")
                .param("id", applicationId)
                .param("hukou", facts.hukouOf(Relation.CHILD).map(HukouFact::moveInDate).orElse(null))
                .param("preferential", facts.preferential().stream().map(PreferentialFact::category).findFirst().orElse(null))
                .param("zone", String.join(",", zone))
                .param("facts", JSON.writeValueAsString(facts))
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    static ChildFacts read(String json) {
        return JSON.readValue(json, ChildFacts.class);
    }
}
