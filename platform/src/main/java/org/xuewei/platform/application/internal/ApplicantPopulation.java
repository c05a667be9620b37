package org.xuewei.platform.application.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuewei.platform.policy.Applicant;
import org.xuewei.platform.policy.PreviewPopulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The policy console's preview over the season's real applicants: every active application of the district (the
 * whole city for the city default) with the facts it was judged on and the public school applied to. At most
 * {@value #LIMIT} applicants, spread evenly over the application numbers, so a preview stays quick at city scale.
 * Empty while nobody has applied, and the console falls back to its synthetic population.
 */
@Component
class ApplicantPopulation implements PreviewPopulation {

    private static final Logger log = LoggerFactory.getLogger(ApplicantPopulation.class);
    static final int LIMIT = 10_000;

    private final JdbcClient jdbc;

    ApplicantPopulation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Applicant> applicants(String districtCode, int season) {
        String where = """
                 from application.application a join application.candidate_facts f on f.application_id = a.id
                where a.season = :season and a.status not in ('WITHDRAWN', 'REJECTED')
                  and (cast(:district as varchar) is null or a.district_code = :district)""";
        long total = jdbc.sql("select count(*)" + where)
                .param("season", season).param("district", districtCode).query(Long.class).single();
        if (total == 0) {
            return List.of();
        }
        long step = Math.max(1, (total + LIMIT - 1) / LIMIT);
        List<Applicant> out = new ArrayList<>();
        jdbc.sql("select * from (select a.number, a.public_school, a.district_code, f.facts::text as facts,"
                        + " row_number() over (order by a.number) as n" + where + ") x where (n - 1) % :step = 0 order by n")
                .param("season", season).param("district", districtCode).param("step", step)
                .query(rs -> {
                    try {
                        out.add(new Applicant(CandidateFacts.read(rs.getString("facts")), rs.getString("public_school"),
                                rs.getString("district_code")));
                    } catch (RuntimeException e) {
                        log.warn("facts of application {} unreadable for the preview: {}", rs.getString("number"), e.toString());
                    }
                });
        return out;
    }
}
