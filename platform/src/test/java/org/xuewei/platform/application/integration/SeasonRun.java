package org.xuewei.platform.application.integration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.admission.LotteryDraws;
import org.xuewei.platform.admission.Publication;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffRole;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test of the normal build (needs {@code -Dxuewei.season.run=true} and {@code -Dxuewei.db.url=…} of a database
 * holding a season's applications): the full-city season behind {@code scripts/load/season.sh} — for every district
 * with applications and both grades, from the database to published results: freeze the verified applications
 * (unverified ones excluded with a reason), commit, draw, publish. Timed as a whole; written to
 * {@code platform/target/load/season.txt}.
 */
@PlatformTest
@EnabledIfSystemProperty(named = "xuewei.season.run", matches = "true")
class SeasonRun {

    @Autowired LotteryDraws draws;
    @Autowired Publication publication;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void a_full_city_season_from_the_database_to_published_results() throws Exception {
        int season = Integer.getInteger("xuewei.season.year", 2027);
        StaffAccount city = TestAccounts.ensure(accounts, "season-run-city", StaffRole.CITY_ADMIN, null, null).account();
        List<String> districts = jdbc.sql("select distinct district_code from application.application where season = :s order by 1")
                .param("s", season).query(String.class).list();
        long applications = jdbc.sql("select count(*) from application.application where season = :s")
                .param("s", season).query(Long.class).single();
        StringBuilder lines = new StringBuilder();
        long t0 = System.nanoTime();
        int published = 0;
        long placed = 0;
        for (String district : districts) {
            for (int grade : new int[] {1, 7}) {
                long t = System.nanoTime();
                long drawId;
                try {
                    drawId = draws.freeze(city, district, season, grade, "season run: unverified applications wait for review");
                } catch (RuntimeException e) {
                    lines.append(String.format(Locale.ROOT, "%s G%d: not drawn (%s)%n", district, grade, e.getMessage()));
                    continue;
                }
                draws.commit(city, drawId, "中国福利彩票双色球 " + season + "001 期开奖号码");
                long runId = draws.draw(city, drawId, "03 12 18 22 27 31 + 09", List.of("公证员"));
                publication.publish(city, runId, Instant.now().plus(Duration.ofDays(14)));
                long n = jdbc.sql("select count(*) from admission.placement where run_id = :r").param("r", runId)
                        .query(Long.class).single();
                placed += n;
                published++;
                lines.append(String.format(Locale.ROOT, "%s G%d: %d placed, %.2f s%n", district, grade, n,
                        (System.nanoTime() - t) / 1e9));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String report = String.format(Locale.ROOT, "season %d: %d applications in the database; %d districts x 2 grades: "
                        + "%d published, %d children placed, database -> published results in %.1f s%n%s",
                season, applications, districts.size(), published, placed, seconds, lines);
        Path out = Path.of("target", "load", "season.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(published).isPositive();
    }
}
