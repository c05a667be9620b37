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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test of the normal build (needs {@code -Dxuewei.season.run=true} and {@code -Dxuewei.db.url=…} of a database
 * holding a season's applications): the full-city season behind {@code scripts/load/season.sh} — for every district
 * with applications and both grades, from the database to published results: freeze the verified applications
 * (unverified ones excluded with a reason), commit, draw, publish. The district × grade pairs are independent and run
 * on {@code xuewei.season.threads} threads (default 2); {@code xuewei.season.districts} (comma-separated codes) limits
 * the run to those districts. Timed as a whole and per phase (freeze = reading the
 * candidates, building and storing the frozen instance; draw = the engine and the placements; publish = offers,
 * notices, statuses and the outbox); written to {@code platform/target/load/season.txt}.
 */
@PlatformTest
@EnabledIfSystemProperty(named = "xuewei.season.run", matches = "true")
class SeasonRun {

    @Autowired LotteryDraws draws;
    @Autowired Publication publication;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;

    private record Pair(String district, int grade) {
    }

    /** One district and grade: seconds per phase, children placed, or why it was not drawn. */
    private record Done(Pair pair, double freeze, double commit, double draw, double publish, long placed, String refused) {
        double total() {
            return freeze + commit + draw + publish;
        }
    }

    @Test
    void a_full_city_season_from_the_database_to_published_results() throws Exception {
        int season = Integer.getInteger("xuewei.season.year", 2027);
        int threads = Integer.getInteger("xuewei.season.threads", 2);
        StaffAccount city = TestAccounts.ensure(accounts, "season-run-city", StaffRole.CITY_ADMIN, null, null).account();
        String only = System.getProperty("xuewei.season.districts", "");
        List<String> districts = jdbc.sql("select distinct district_code from application.application where season = :s order by 1")
                .param("s", season).query(String.class).list().stream()
                .filter(d -> only.isBlank() || List.of(only.split(",")).contains(d)).toList();
        long applications = jdbc.sql("select count(*) from application.application where season = :s")
                .param("s", season).query(Long.class).single();
        List<Pair> pairs = new ArrayList<>();
        districts.forEach(d -> List.of(1, 7).forEach(g -> pairs.add(new Pair(d, g))));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<Done>> futures = new ArrayList<>();
        for (Pair pair : pairs) {
            futures.add(pool.submit(() -> run(city, season, pair)));
        }
        List<Done> done = new ArrayList<>();
        for (Future<Done> f : futures) {
            done.add(f.get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        List<Done> published = done.stream().filter(d -> d.refused() == null).toList();
        long placed = published.stream().mapToLong(Done::placed).sum();
        StringBuilder lines = new StringBuilder();
        for (Done d : done) {
            lines.append(d.refused() != null
                    ? String.format(Locale.ROOT, "%s G%d: not drawn (%s)%n", d.pair().district(), d.pair().grade(), d.refused())
                    : String.format(Locale.ROOT, "%s G%d: %d children, %.2f s (freeze %.2f, commit %.2f, draw %.2f, publish %.2f)%n",
                    d.pair().district(), d.pair().grade(), d.placed(), d.total(), d.freeze(), d.commit(), d.draw(), d.publish()));
        }
        String report = String.format(Locale.ROOT, "season %d: %d applications in the database; %d districts x 2 grades "
                        + "on %d threads: %d published, %d children in the runs, database -> published results in %.1f s%n"
                        + "phases summed over the runs: freeze %.1f s, commit %.1f s, draw %.1f s, publish %.1f s%n%s",
                season, applications, districts.size(), threads, published.size(), placed, seconds,
                published.stream().mapToDouble(Done::freeze).sum(), published.stream().mapToDouble(Done::commit).sum(),
                published.stream().mapToDouble(Done::draw).sum(), published.stream().mapToDouble(Done::publish).sum(), lines);
        Path out = Path.of("target", "load", "season.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(published).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from admission.run where season = :s and published_at is not null")
                .param("s", season).query(Long.class).single()).isGreaterThanOrEqualTo(published.size());
    }

    private Done run(StaffAccount city, int season, Pair pair) {
        long t = System.nanoTime();
        long drawId;
        try {
            drawId = draws.freeze(city, pair.district(), season, pair.grade(),
                    "season run: unverified applications wait for review");
        } catch (RuntimeException e) {
            return new Done(pair, 0, 0, 0, 0, 0, e.getMessage());
        }
        long frozen = System.nanoTime();
        draws.commit(city, drawId, "中国福利彩票双色球 " + season + "001 期开奖号码");
        long committed = System.nanoTime();
        long runId = draws.draw(city, drawId, "03 12 18 22 27 31 + 09", List.of("公证员"));
        long drawn = System.nanoTime();
        publication.publish(city, runId, Instant.now().plus(Duration.ofDays(14)));
        long end = System.nanoTime();
        long n = jdbc.sql("select count(*) from admission.placement where run_id = :r").param("r", runId)
                .query(Long.class).single();
        return new Done(pair, (frozen - t) / 1e9, (committed - frozen) / 1e9, (drawn - committed) / 1e9,
                (end - drawn) / 1e9, n, null);
    }
}
