package org.xuewei.platform.admission;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xuewei.engine.SeedCeremony;
import org.xuewei.engine.Sha256;
import org.xuewei.engine.check.Verifier;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.admission.allocation.Placement;
import org.xuewei.platform.admission.allocation.Route;
import org.xuewei.platform.admission.store.DrawRecord;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffRole;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Dry runs, the ceremony, publication, notices and arrival on the real database (in-memory applications). */
@PlatformTest
@Import(InMemorySources.class)
class AdmissionFlowTests {

    static final String DISTRICT = "360103";

    @Autowired AdmissionRuns runs;
    @Autowired LotteryDraws draws;
    @Autowired Publication publication;
    @Autowired Arrivals arrivals;
    @Autowired AdmissionResults results;
    @Autowired StaffAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired Appeals appeals;
    @Autowired ResultExplanation explanation;
    @Autowired org.xuewei.platform.admission.notice.NoticeCodes noticeCodes;

    StaffAccount admin;

    @BeforeEach
    void accounts() {
        admin = TestAccounts.ensure(accounts, "adm-admin-" + DISTRICT, StaffRole.DISTRICT_ADMIN, DISTRICT, null).account();
    }

    static Season season(int year, boolean withUnverified) {
        Season s = new Season().school("S1", 3, 0).school("S2", 4, 1).school("S3", 20, 4).privateSchool("P1", 1)
                .child("A01", 1, "S1").child("A02", 1, "S1").child("A03", 3, "S1").child("A04", 3, "S1")
                .child("A05", 5, "S1").child("A06", 2, "S2").child("A07", 2, "S2")
                .add(Season.candidate("A08", 4, null, null, List.of("S2"), "P1", null, null, true))
                .add(Season.candidate("A09", 4, null, null, List.of("S2"), "P1", null, null, true))
                .add(Season.candidate("T1", 6, null, null, List.of("S2"), null, "twins-1", null, true))
                .add(Season.candidate("T2", 6, null, null, List.of("S2"), null, "twins-1", null, true))
                .add(Season.candidate("M1", 3, null, null, List.of("S1"), null, null, "MARTYR", true));
        if (withUnverified) {
            s.add(Season.candidate("U1", 1, null, null, List.of("S1"), null, null, null, false));
            s.add(Season.candidate("U2", 1, null, null, List.of("S1"), null, null, null, false));
        }
        InMemorySources.put(DISTRICT, year, 1, s);
        return s;
    }

    int count(String table) {
        return jdbc.sql("select count(*) from admission." + table).query(Integer.class).single();
    }

    @Test
    void a_dry_run_changes_nothing_but_its_own_record_and_shows_the_difference() {
        season(2031, false);
        int offers = count("offer");
        int notices = count("notice");
        int drawsBefore = count("draw");
        long first = runs.dryRun(admin, DISTRICT, 2031, 1, "");
        long second = runs.dryRun(admin, DISTRICT, 2031, 1, "");
        assertThat(count("offer")).isEqualTo(offers);
        assertThat(count("notice")).isEqualTo(notices);
        assertThat(count("draw")).isEqualTo(drawsBefore);
        RunRecord r = runs.run(second).orElseThrow();
        assertThat(r.dry()).isTrue();
        assertThat(r.published()).isFalse();
        assertThat(r.summary().candidates()).isEqualTo(12);
        assertThat(r.summary().preferential()).isEqualTo(1);
        assertThat(runs.placements(second)).isEqualTo(runs.placements(first));
        AdmissionRuns.Difference d = runs.differenceFromPrevious(r).orElseThrow();
        assertThat(d.previousRunId()).isEqualTo(first);
        assertThat(d.childrenMoved()).isZero();

        // one more child changes the next dry run, and the difference says so
        InMemorySources.get(DISTRICT, 2031, 1).child("A10", 1, "S1");
        long third = runs.dryRun(admin, DISTRICT, 2031, 1, "");
        AdmissionRuns.Difference d3 = runs.differenceFromPrevious(runs.run(third).orElseThrow()).orElseThrow();
        assertThat(d3.newChildren()).isEqualTo(1);
        assertThat(d3.fillChange().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    }

    @Test
    void unverified_applications_refuse_a_run_unless_excluded_with_a_reason() {
        season(2032, true);
        assertThatThrownBy(() -> runs.dryRun(admin, DISTRICT, 2032, 1, ""))
                .isInstanceOfSatisfying(AdmissionRefused.class, e -> {
                    assertThat(e.key()).isEqualTo("admission.refused.unverified");
                    assertThat(e.args()).containsExactly(2);
                });
        assertThatThrownBy(() -> draws.freeze(admin, DISTRICT, 2032, 1, " "))
                .isInstanceOf(AdmissionRefused.class);
        long id = runs.dryRun(admin, DISTRICT, 2032, 1, "两份材料待补充，本轮不参加");
        RunRecord r = runs.run(id).orElseThrow();
        assertThat(r.excluded()).isEqualTo(2);
        assertThat(r.excludedReason()).isEqualTo("两份材料待补充，本轮不参加");
        assertThat(runs.placements(id)).extracting(Placement::applicationNo).doesNotContain("U1", "U2");
    }

    @Test
    void the_ceremony_publishes_every_part_and_the_files_pass_the_engines_verify(@TempDir Path dir) throws Exception {
        season(2033, false);
        long drawId = draws.freeze(admin, DISTRICT, 2033, 1, "");
        DrawRecord frozen = draws.find(drawId).orElseThrow();
        assertThat(frozen.instanceJson()).doesNotContain("\"seed\"");
        assertThat(Sha256.hexOf(frozen.instanceJson())).isEqualTo(frozen.inputSha256());
        assertThat(frozen.instanceJson()).doesNotContain("M1"); // 优待 children are placed before the lottery

        assertThatThrownBy(() -> draws.draw(admin, drawId, "2033001", List.of()))
                .isInstanceOfSatisfying(AdmissionRefused.class, e -> assertThat(e.key()).isEqualTo("admission.refused.draw-state"));
        draws.commit(admin, drawId, "中国福利彩票双色球 2033001 期开奖号码");
        DrawRecord committed = draws.find(drawId).orElseThrow();
        assertThat(committed.commitment()).isEqualTo(SeedCeremony.commitment(committed.secret()));

        // values in the wrong format are refused and change nothing
        for (String bad : List.of("", " 03 12", "03\n12", "x".repeat(200), "03 12 <script>")) {
            assertThatThrownBy(() -> draws.draw(admin, drawId, bad, List.of()))
                    .isInstanceOfSatisfying(AdmissionRefused.class, e -> assertThat(e.key()).isEqualTo("admission.refused.public-value"));
        }
        assertThatThrownBy(() -> draws.draw(admin, drawId, "03 12 18 22 27 31 + 09", List.of("张三", "李四\t")))
                .isInstanceOfSatisfying(AdmissionRefused.class, e -> {
                    assertThat(e.key()).isEqualTo("admission.refused.witness");
                    assertThat(e.args()).containsExactly(2);
                });
        assertThat(draws.find(drawId).orElseThrow().state()).isEqualTo("COMMITTED");

        long runId = draws.draw(admin, drawId, "03 12 18 22 27 31 + 09", List.of("张三", "公证员 王五"));
        DrawRecord d = draws.find(drawId).orElseThrow();
        assertThat(d.state()).isEqualTo("DRAWN");
        assertThat(d.seed()).isEqualTo(SeedCeremony.seed(d.inputSha256(), d.secret(), "03 12 18 22 27 31 + 09",
                List.of("张三", "公证员 王五")));
        assertThat(d.runId()).isEqualTo(runId);

        // the public page and files, without login
        mvc.perform(get("/draws/" + d.code())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(d.seed())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(d.commitment())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("./xuewei verify --in instance.json --result result.json")));
        byte[] instance = mvc.perform(get("/draws/" + d.code() + "/instance.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        byte[] result = mvc.perform(get("/draws/" + d.code() + "/result.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Files.write(dir.resolve("instance.json"), instance);
        Files.write(dir.resolve("result.json"), result);
        Verifier.Verdict verdict = Verifier.verify(dir.resolve("instance.json"), dir.resolve("result.json"));
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
        assertThat(new String(result, StandardCharsets.UTF_8)).contains(d.resultSha256());

        // re-running a finished draw changes nothing
        assertThat(draws.draw(admin, drawId, "other value", List.of())).isEqualTo(runId);
        mvc.perform(get("/draws")).andExpect(status().isOk());
    }

    @Test
    void a_draw_interrupted_after_its_seed_finishes_with_the_identical_result() {
        season(2034, false);
        long a = draws.freeze(admin, DISTRICT, 2034, 1, "");
        draws.commit(admin, a, "beacon round 123");
        draws.enterValues(admin, a, "beacon-123-abcdef", List.of("W1"));
        // the "lottery PC" dies here; the draw is run again, even with other values typed
        long run = draws.draw(admin, a, "something else", List.of());
        DrawRecord d = draws.find(a).orElseThrow();
        assertThat(d.publicValue()).isEqualTo("beacon-123-abcdef");
        assertThat(d.seed()).isEqualTo(SeedCeremony.seed(d.inputSha256(), d.secret(), "beacon-123-abcdef", List.of("W1")));
        // the same frozen input and seed give the same result
        var plan = org.xuewei.platform.admission.allocation.AllocationPlanner.freeze(
                org.xuewei.platform.admission.store.Snapshots.input(d.snapshot()));
        assertThat(org.xuewei.platform.admission.allocation.AllocationPlanner.run(plan, d.seed()).resultJson())
                .isEqualTo(d.resultJson());
        assertThat(runs.run(run).orElseThrow().resultSha256()).isEqualTo(d.resultSha256());
    }

    long drawn(int year) {
        long id = draws.freeze(admin, DISTRICT, year, 1, "");
        draws.commit(admin, id, "public lottery " + year);
        return draws.draw(admin, id, "01 02 03", List.of());
    }

    @Test
    void publishing_twice_is_impossible_even_at_the_same_moment() throws Exception {
        season(2035, false);
        long run = drawn(2035);
        Instant deadline = Instant.now().plus(Duration.ofDays(7));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.add(pool.submit(() -> {
                try {
                    publication.publish(admin, run, deadline);
                    ok.incrementAndGet();
                } catch (AdmissionRefused e) {
                    assertThat(e.key()).isEqualTo("admission.refused.already-published");
                    refused.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(ok.get()).isEqualTo(1);
        assertThat(refused.get()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from admission.notice where run_id = :r").param("r", run)
                .query(Integer.class).single()).isEqualTo(runs.placements(run).stream().filter(Placement::placed).count());
        // no new draw and no second run can be published for the same district, season and grade
        assertThatThrownBy(() -> draws.freeze(admin, DISTRICT, 2035, 1, ""))
                .isInstanceOfSatisfying(AdmissionRefused.class, e -> assertThat(e.key()).isEqualTo("admission.refused.already-published"));
        long dry = runs.dryRun(admin, DISTRICT, 2035, 1, "");
        assertThatThrownBy(() -> publication.publish(admin, dry, deadline)).isInstanceOf(AdmissionRefused.class);
    }

    @Test
    void the_notice_is_a_pdf_with_an_embedded_cjk_subset_and_a_qr_link_that_tells_genuine_from_forged() throws Exception {
        season(2036, false);
        long run = drawn(2036);
        publication.publish(admin, run, Instant.now().plus(Duration.ofDays(3)));
        ChildResult r = results.resultOf("A01").orElseThrow();
        assertThat(r.schoolCode()).isEqualTo("S1");
        assertThat(r.route()).isEqualTo("CHOICE");
        assertThat(r.cutoffCategory()).isEqualTo(1); // 优待 took one of S1's 3 seats, category 1 filled the rest
        assertThat(r.offerState()).isEqualTo("OFFERED");
        assertThat(explanation.sentences(r, java.util.Locale.SIMPLIFIED_CHINESE))
                .contains("按第1志愿派位录取到学校S1，你的生源类别为第1类。", "学校S1的录取类别线为第1类。");
        ChildResult overflow = results.resultOf("A05").orElseThrow();
        assertThat(explanation.sentences(overflow, java.util.Locale.ENGLISH).get(0))
                .startsWith("The schools applied to were full").contains("m from home");
        ChildResult m = results.resultOf("M1").orElseThrow();
        assertThat(m.route()).isEqualTo("PREFERENTIAL");

        byte[] pdf = results.noticePdf("A01", "https://xuewei.example").orElseThrow();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-");
        assertThat(text).contains("/FontFile2"); // the TrueType font program is embedded
        assertThat(text).containsPattern("/BaseFont\\s*/[A-Z]{6}\\+NotoSansSC"); // as a subset
        assertThat(pdf.length).isLessThan(200_000);

        String mac = noticeCodes.mac(r.noticeCode());
        assertThat(text).doesNotContain("A01-not-there");
        mvc.perform(get("/notices/" + r.noticeCode()).param("m", mac)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("真实")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("A01"))));
        String forged = (mac.charAt(0) == '0' ? "1" : "0") + mac.substring(1);
        mvc.perform(get("/notices/" + r.noticeCode()).param("m", forged)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("未找到")));
        mvc.perform(get("/notices/" + "0".repeat(32)).param("m", mac)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("未找到")));
    }

    @Test
    void the_second_batch_is_a_draw_of_its_own_fills_released_places_in_priority_order_and_never_over_fills(
            @TempDir Path dir) throws Exception {
        // S1 has 2 seats, 6 children want it: categories 1, 1 then 2, 3, 4, 5 wait (no home, so no 统筹)
        Season s = new Season().school("S1", 2, 0).school("S9", 0, 30);
        for (String[] c : new String[][] {{"B1", "1"}, {"B2", "1"}, {"B5", "5"}, {"B3", "2"}, {"B4", "3"}, {"B6", "4"}}) {
            s.add(new AdmissionCandidate(c[0], DISTRICT, 2037, 1, Integer.parseInt(c[1]), null, null, List.of("S1"), null,
                    null, null, null, null, true));
        }
        InMemorySources.put(DISTRICT, 2037, 1, s);
        long run = drawn(2037);
        publication.publish(admin, run, InMemorySources.CLOCK.instant().plus(Duration.ofHours(1)));
        StaffAccount school = TestAccounts.ensure(accounts, "adm-school-s1", StaffRole.SCHOOL, DISTRICT, "S1").account();

        // B1 confirmed by both; B2 only by the school; concurrent clicks on both sides
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Object>> clicks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clicks.add(() -> {
                arrivals.confirmBySchool(school, run, "B1");
                return null;
            });
            clicks.add(() -> {
                arrivals.confirmByParent("parent-b1", "B1");
                return null;
            });
            clicks.add(() -> {
                arrivals.confirmBySchool(school, run, "B2");
                return null;
            });
        }
        for (Future<Object> f : pool.invokeAll(clicks)) {
            f.get();
        }
        assertThat(results.resultOf("B1").orElseThrow().offerState()).isEqualTo("CONFIRMED");
        assertThatThrownBy(() -> arrivals.releaseAndSecondBatch(admin, run))
                .isInstanceOfSatisfying(AdmissionRefused.class, e -> assertThat(e.key()).isEqualTo("admission.refused.before-deadline"));

        InMemorySources.CLOCK.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> arrivals.confirmByParent("parent-b2", "B2"))
                .isInstanceOfSatisfying(AdmissionRefused.class, e -> assertThat(e.key()).isEqualTo("admission.refused.after-deadline"));
        // several staff start the second batch at once: one release (B2's seat), one frozen second-batch draw
        List<Callable<Arrivals.Release>> batches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batches.add(() -> arrivals.releaseAndSecondBatch(admin, run));
        }
        java.util.Set<Long> drawIds = new java.util.HashSet<>();
        int releasedSeats = 0;
        for (Future<Arrivals.Release> f : pool.invokeAll(batches)) {
            drawIds.add(f.get().drawId());
            releasedSeats += f.get().releasedSeats();
        }
        pool.shutdown();
        assertThat(releasedSeats).isEqualTo(1);
        assertThat(drawIds).hasSize(1).doesNotContainNull();
        long batchDraw = drawIds.iterator().next();
        assertThat(results.resultOf("B2").orElseThrow().offerState()).isEqualTo("RELEASED");
        assertThat(results.resultOf("B3").orElseThrow().offerState()).isNull(); // nothing placed before the draw

        // the same ceremony as the first draw: frozen list with pseudonymous numbers, commitment, value, seed, result
        DrawRecord frozen = draws.find(batchDraw).orElseThrow();
        assertThat(frozen.secondBatch()).isTrue();
        assertThat(frozen.batch()).isEqualTo(2);
        assertThat(frozen.fillsRunId()).isEqualTo(run);
        assertThat(frozen.state()).isEqualTo("FROZEN");
        assertThat(frozen.candidates()).isEqualTo(4); // B3, B4, B5, B6 wait
        assertThat(frozen.instanceJson()).contains("\"B3\"", "\"B6\"").doesNotContain("\"B1\"", "\"B2\"")
                .contains("{\"id\":\"S1\",\"capacity\":1}");
        assertThat(frozen.inputSha256()).isEqualTo(Sha256.hexOf(frozen.instanceJson()));
        // while it is open, starting the second batch again gives the same draw and releases nothing
        Arrivals.Release again = arrivals.releaseAndSecondBatch(admin, run);
        assertThat(again.drawId()).isEqualTo(batchDraw);
        assertThat(again.releasedSeats()).isZero();
        draws.commit(admin, batchDraw, "第二批次补录 公开值 " + 2037);
        assertThat(draws.draw(admin, batchDraw, "07 11 19", List.of("witness-1"))).isEqualTo(run);
        DrawRecord d = draws.find(batchDraw).orElseThrow();
        assertThat(d.drawn()).isTrue();
        assertThat(d.seed()).isEqualTo(SeedCeremony.seed(d.inputSha256(), d.secret(), "07 11 19", List.of("witness-1")));
        assertThat(d.commitment()).isEqualTo(SeedCeremony.commitment(d.secret()));
        // drawing again changes nothing
        assertThat(draws.draw(admin, batchDraw, "other", List.of())).isEqualTo(run);
        assertThat(jdbc.sql("select count(*) from admission.offer where run_id = :r and batch = 2").param("r", run)
                .query(Integer.class).single()).isEqualTo(1);

        // its own public page, and the engine's verify passes on its downloads
        mvc.perform(get("/draws/" + d.code())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(d.resultSha256())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(d.commitment())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("第 2 批次补录")));
        mvc.perform(get("/draws")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(d.code())));
        byte[] instance = mvc.perform(get("/draws/" + d.code() + "/instance.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        byte[] result = mvc.perform(get("/draws/" + d.code() + "/result.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Files.write(dir.resolve("instance.json"), instance);
        Files.write(dir.resolve("result.json"), result);
        Verifier.Verdict verdict = Verifier.verify(dir.resolve("instance.json"), dir.resolve("result.json"));
        assertThat(verdict.ok()).as(verdict.line()).isTrue();
        assertThat(new String(result, StandardCharsets.UTF_8)).contains(d.resultSha256());
        assertThat(Sha256.hexOf(new String(instance, StandardCharsets.UTF_8))).isEqualTo(d.inputSha256());
        ChildResult b3 = results.resultOf("B3").orElseThrow();
        assertThat(b3.offerState()).isEqualTo("OFFERED");
        assertThat(b3.schoolCode()).isEqualTo("S1");
        assertThat(b3.route()).isEqualTo("SECOND_BATCH");
        assertThat(b3.noticeCode()).isNotNull(); // a second-batch place has its admission notice
        for (String waiting : List.of("B4", "B5", "B6")) {
            assertThat(results.resultOf(waiting).orElseThrow().offerState()).isNull();
        }
        Map<String, Object> seat = jdbc.sql("select capacity, held from admission.seat where run_id = :r and school_code = 'S1'")
                .param("r", run).query().singleRow();
        int active = jdbc.sql("select count(*) from admission.offer where run_id = :r and school_code = 'S1' and state <> 'RELEASED'")
                .param("r", run).query(Integer.class).single();
        assertThat(active).isEqualTo(2).isEqualTo(((Number) seat.get("held")).intValue());
        assertThat(active).isLessThanOrEqualTo(((Number) seat.get("capacity")).intValue());
        InMemorySources.CLOCK.advance(Duration.ofHours(-2));
    }

    @Test
    void a_child_placed_by_overflow_wins_a_released_seat_it_chose_in_priority_order_and_gives_back_its_overflow_seat(
            @TempDir Path dir) throws Exception {
        // S1 (3 seats) is wanted by seven children with a home: categories 1, 1, 1 get it, 2, 3, 4 go by 统筹 to S9;
        // D1 chose S9 and got it; X1 (category 5, no home) has no place at all
        Season s = new Season().school("S1", 3, 0).school("S9", 30, 5);
        for (String[] c : new String[][] {{"C1", "1"}, {"C2", "1"}, {"C6", "1"}, {"C3", "2"}, {"C4", "3"}, {"C5", "4"}}) {
            s.add(new AdmissionCandidate(c[0], DISTRICT, 2042, 1, Integer.parseInt(c[1]), null, null, List.of("S1"), null,
                    null, Season.LAT, Season.LON, null, true));
        }
        s.add(new AdmissionCandidate("D1", DISTRICT, 2042, 1, 1, null, null, List.of("S9"), null, null, Season.LAT,
                Season.LON, null, true));
        s.add(new AdmissionCandidate("X1", DISTRICT, 2042, 1, 5, null, null, List.of("S1"), null, null, null, null, null,
                true));
        InMemorySources.put(DISTRICT, 2042, 1, s);
        long run = drawn(2042);
        publication.publish(admin, run, InMemorySources.CLOCK.instant().plus(Duration.ofHours(1)));
        for (String overflow : List.of("C3", "C4", "C5")) {
            assertThat(results.resultOf(overflow).orElseThrow().route()).isEqualTo("OVERFLOW");
            assertThat(results.resultOf(overflow).orElseThrow().schoolCode()).isEqualTo("S9");
        }
        String c3Notice = results.resultOf("C3").orElseThrow().noticeCode();
        String c3Mac = noticeCodes.mac(c3Notice);
        assertThat(noticeCodes.check(c3Notice, c3Mac)).isPresent();
        StaffAccount s1 = TestAccounts.ensure(accounts, "adm-school-s1", StaffRole.SCHOOL, DISTRICT, "S1").account();
        StaffAccount s9 = TestAccounts.ensure(accounts, "adm-school-s9", StaffRole.SCHOOL, DISTRICT, "S9").account();
        // C1 arrives at S1; C2 and C6 do not; the 统筹 children and D1 confirm their places at S9
        arrivals.confirmBySchool(s1, run, "C1");
        arrivals.confirmByParent("parent-c1", "C1");
        for (String no : List.of("C3", "C4", "C5", "D1")) {
            arrivals.confirmBySchool(s9, run, no);
            arrivals.confirmByParent("parent-" + no, no);
        }
        InMemorySources.CLOCK.advance(Duration.ofHours(2));
        try {
            Arrivals.Release release = arrivals.releaseAndSecondBatch(admin, run);
            assertThat(release.released()).containsExactly(Map.entry("S1", 2));
            DrawRecord frozen = draws.find(release.drawId()).orElseThrow();
            // waiting: the three 统筹 children (for S1) and X1; not D1 (placed where it chose), not C1
            assertThat(frozen.candidates()).isEqualTo(4);
            assertThat(frozen.instanceJson()).contains("\"C3\"", "\"C4\"", "\"C5\"", "\"X1\"")
                    .doesNotContain("\"D1\"", "\"C1\"", "\"C2\"").contains("{\"id\":\"S1\",\"capacity\":2}");
            draws.commit(admin, frozen.id(), "第二批次补录 公开值 2042");
            draws.draw(admin, frozen.id(), "04 05 06", List.of("witness-1"));
            DrawRecord d = draws.find(frozen.id()).orElseThrow();
            Files.writeString(dir.resolve("instance.json"), d.instanceJson());
            Files.writeString(dir.resolve("result.json"), d.resultJson());
            Verifier.Verdict verdict = Verifier.verify(dir.resolve("instance.json"), dir.resolve("result.json"));
            assertThat(verdict.ok()).as(verdict.line()).isTrue();

            // priority order: categories 2 and 3 win S1's two released seats; category 4 keeps its 统筹 place
            for (String winner : List.of("C3", "C4")) {
                ChildResult r = results.resultOf(winner).orElseThrow();
                assertThat(r.schoolCode()).isEqualTo("S1");
                assertThat(r.route()).isEqualTo("SECOND_BATCH");
                assertThat(r.offerState()).isEqualTo("OFFERED");
                assertThat(r.noticeCode()).isNotNull();
            }
            ChildResult c5 = results.resultOf("C5").orElseThrow();
            assertThat(c5.schoolCode()).isEqualTo("S9");
            assertThat(c5.route()).isEqualTo("OVERFLOW");
            assertThat(c5.offerState()).isEqualTo("CONFIRMED");
            assertThat(results.resultOf("X1").orElseThrow().offerState()).isNull();
            assertThat(jdbc.sql("select batch from admission.offer where run_id = :r and application_no = 'C3'")
                    .param("r", run).query(Integer.class).single()).isEqualTo(2);
            // the old notice (S9) is withdrawn, the new one names S1
            String newNotice = results.resultOf("C3").orElseThrow().noticeCode();
            assertThat(newNotice).isNotEqualTo(c3Notice);
            assertThat(noticeCodes.check(c3Notice, c3Mac)).isEmpty();
            assertThat(noticeCodes.check(newNotice, noticeCodes.mac(newNotice)).orElseThrow().schoolName())
                    .isEqualTo("学校S1");

            // seats: S1 full, never over; S9's two 统筹 seats given back (held = D1 and C5), not re-filled
            Map<String, Integer> held = new java.util.TreeMap<>();
            jdbc.sql("select school_code, held, capacity from admission.seat where run_id = :r").param("r", run)
                    .query((rs, n) -> {
                        assertThat(rs.getInt(2)).isLessThanOrEqualTo(rs.getInt(3));
                        return held.put(rs.getString(1), rs.getInt(2));
                    }).list();
            assertThat(held).containsEntry("S1", 3).containsEntry("S9", 2);
            Map<String, Integer> active = new java.util.TreeMap<>();
            jdbc.sql("""
                            select school_code, count(*) from admission.offer where run_id = :r and state <> 'RELEASED'
                            group by school_code""").param("r", run)
                    .query((rs, n) -> active.put(rs.getString(1), rs.getInt(2))).list();
            assertThat(active).isEqualTo(held);
        } finally {
            InMemorySources.CLOCK.advance(Duration.ofHours(-2));
        }
    }

    @Test
    void placements_follow_routes() {
        season(2038, false);
        long id = runs.dryRun(admin, DISTRICT, 2038, 1, "");
        Map<String, Placement> p = new java.util.HashMap<>();
        runs.placements(id).forEach(x -> p.put(x.applicationNo(), x));
        assertThat(p.get("M1").route()).isEqualTo(Route.PREFERENTIAL);
        assertThat(p.get("T1").schoolCode()).isEqualTo(p.get("T2").schoolCode());
        assertThat(p.get("A05").route()).isEqualTo(Route.OVERFLOW);
        assertThat(p.get("A05").distanceMeters()).isNotNull();
    }

    @Test
    void an_appeal_in_the_window_is_decided_without_going_over_the_plan() {
        season(2039, false).school("S4", 5, 10);
        long run = drawn(2039);
        publication.publish(admin, run, InMemorySources.CLOCK.instant().plus(Duration.ofDays(3)));
        assertThatThrownBy(() -> appeals.submit("parent-a05", "A05", "离家太远，申请调整", ""))
                .isInstanceOfSatisfying(AdmissionRefused.class, e -> assertThat(e.key()).isEqualTo("admission.refused.appeal-window"));
        Duration shift = Duration.between(InMemorySources.CLOCK.instant(),
                java.time.LocalDateTime.of(2039, 8, 10, 10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        InMemorySources.CLOCK.advance(shift);
        try {
            String before = results.resultOf("A05").orElseThrow().schoolCode();
            long id = appeals.submit("parent-a05", "A05", "离家太远，申请调整", "病历 2039-001");
            assertThatThrownBy(() -> appeals.submit("parent-a05", "A05", "再次申请调整", ""))
                    .isInstanceOfSatisfying(AdmissionRefused.class, e -> assertThat(e.key()).isEqualTo("admission.refused.appeal-open"));
            // S1 is full: upholding there would go over the plan or displace a child
            assertThatThrownBy(() -> appeals.uphold(admin, id, "S1", "就近"))
                    .isInstanceOfSatisfying(AdmissionRefused.class, e -> assertThat(e.key()).isEqualTo("admission.refused.appeal-full"));
            assertThat(appeals.of(run)).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo("SUBMITTED"));
            String target = "S4";
            Map<String, Object> seatBefore = jdbc.sql("select held from admission.seat where run_id = :r and school_code = :s")
                    .param("r", run).param("s", before).query().singleRow();
            appeals.uphold(admin, id, target, "就近调整");
            ChildResult after = results.resultOf("A05").orElseThrow();
            assertThat(after.schoolCode()).isEqualTo(target);
            assertThat(after.offerState()).isEqualTo("OFFERED");
            assertThat(jdbc.sql("select held from admission.seat where run_id = :r and school_code = :s")
                    .param("r", run).param("s", before).query(Integer.class).single())
                    .isEqualTo(((Number) seatBefore.get("held")).intValue() - 1);
            assertThat(jdbc.sql("select count(*) from admission.seat where run_id = :r and held > capacity")
                    .param("r", run).query(Integer.class).single()).isZero();
            assertThatThrownBy(() -> appeals.dismiss(admin, id, ""))
                    .isInstanceOfSatisfying(AdmissionRefused.class, e -> assertThat(e.key()).isEqualTo("admission.refused.appeal-decided"));
        } finally {
            InMemorySources.CLOCK.advance(shift.negated());
        }
    }

    @Test
    void the_export_has_a_summary_and_one_sheet_per_school_with_masked_numbers() throws Exception {
        season(2040, false);
        long id = runs.dryRun(admin, DISTRICT, 2040, 1, "");
        byte[] xlsx = mvc.perform(get("/console/district/" + DISTRICT + "/admission/runs/" + id + "/placements.xlsx")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(TestAccounts.ensure(accounts, "adm-admin-" + DISTRICT, StaffRole.DISTRICT_ADMIN, DISTRICT, null))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1 + 4);
            var s1 = wb.getSheet("S1");
            List<String> numbers = new ArrayList<>();
            for (int i = 1; i <= s1.getLastRowNum(); i++) {
                numbers.add(s1.getRow(i).getCell(0).getStringCellValue());
            }
            assertThat(numbers).isNotEmpty().allMatch(n -> n.contains("*")).noneMatch(n -> n.matches("A0\\d"));
        }
        assertThat(org.xuewei.platform.admission.export.PlacementWorkbook.mask("N0001234")).isEqualTo("N0****34");
    }
}
