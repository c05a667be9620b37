package org.xuewei.platform.admission;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.admission.demo.DemoSeason;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The city admin moves the demo season to allocation and publication (demo only, audited, idempotent). */
@PlatformTest
@Import(InMemorySources.class)
class DemoSeasonTests {

    static final int YEAR = 2081;

    @Autowired MockMvc mvc;
    @Autowired StaffAccounts accounts;
    @Autowired AdmissionRuns runs;
    @Autowired JdbcClient jdbc;
    @Autowired ConfigurableEnvironment environment;

    @Test
    void the_city_admin_moves_the_demo_season_to_allocation_then_publication() throws Exception {
        InMemorySources.put("360123", YEAR, 1, new Season().school("S1", 2, 0).school("S2", 5, 2)
                .child("D1", 1, "S1").child("D2", 3, "S1").child("D3", 3, "S1")
                .add(Season.candidate("D4", 1, null, null, List.of("S1"), null, null, null, false)));
        StaffPrincipal city = TestAccounts.ensure(accounts, "demo-city-admin", StaffRole.CITY_ADMIN, null, null);
        StaffPrincipal district = TestAccounts.ensure(accounts, "demo-district-admin", StaffRole.DISTRICT_ADMIN, "360123", null);

        // the console home links it for the city admin; others may not use it
        mvc.perform(get("/console").with(user(city))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/console/demo-season")));
        mvc.perform(get("/console/demo-season").with(user(district))).andExpect(status().isForbidden());
        mvc.perform(post("/console/demo-season").param("season", "" + YEAR).param("target", "ALLOCATION")
                .with(user(district)).with(csrf())).andExpect(status().isForbidden());

        // outside the demo: refused, nothing done
        mvc.perform(get("/console/demo-season").param("season", "" + YEAR).with(user(city))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("demo-disabled")));
        mvc.perform(post("/console/demo-season").param("season", "" + YEAR).param("target", "ALLOCATION")
                        .with(user(city)).with(csrf()))
                .andExpect(flash().attribute("refusal", "admission.demo.refused.not-demo"));
        assertThat(runs.runs("360123", YEAR, 1)).isEmpty();

        MapPropertySource demo = new MapPropertySource("demo-advance", Map.of("xuewei.admission.demo-advance", "true"));
        environment.getPropertySources().addFirst(demo);
        try {
            mvc.perform(post("/console/demo-season").param("season", "" + YEAR).param("target", "ALLOCATION")
                    .with(user(city)).with(csrf())).andExpect(status().is3xxRedirection());
            List<RunRecord> drawn = runs.runs("360123", YEAR, 1);
            assertThat(drawn).singleElement().satisfies(r -> {
                assertThat(r.dry()).isFalse();
                assertThat(r.published()).isFalse();
                assertThat(r.excluded()).isEqualTo(1);
            });
            // other districts have no applications in this season: skipped, nothing made
            assertThat(runs.runs("360102", YEAR, 1)).isEmpty();

            String page = mvc.perform(post("/console/demo-season").param("season", "" + YEAR).param("target", "PUBLICATION")
                    .with(user(city)).with(csrf())).andReturn().getFlashMap().get("steps").toString();
            assertThat(page).contains("admission.demo.step.published");
            assertThat(runs.runs("360123", YEAR, 1)).singleElement().satisfies(r -> {
                assertThat(r.published()).isTrue();
                assertThat(r.id()).isEqualTo(drawn.get(0).id());
            });
            // again: nothing changes
            List<?> again = (List<?>) mvc.perform(post("/console/demo-season").param("season", "" + YEAR)
                    .param("target", "PUBLICATION").with(user(city)).with(csrf())).andReturn().getFlashMap().get("steps");
            assertThat(again).map(s -> ((DemoSeason.Step) s).key())
                    .contains("admission.demo.step.already-published").doesNotContain("admission.demo.step.published");
            mvc.perform(get("/console/demo-season").param("season", "" + YEAR).with(user(city))).andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("advance-publication")));
            assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'admission.demo.advance' and actor = 'demo-city-admin'")
                    .query(Integer.class).single()).isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'admission.publish' and actor = 'demo-city-admin'")
                    .query(Integer.class).single()).isEqualTo(1);
        } finally {
            environment.getPropertySources().remove("demo-advance");
        }
    }

    @Test
    void the_demo_arrival_step_confirms_most_places_releases_the_rest_and_draws_the_second_batch(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        int year = 2082;
        String district = "360124";
        // S1 takes 20 of 40 children; the others wait (no home location: no 统筹), S2 has nobody's choice
        Season s = new Season().school("S1", 20, 0).school("S2", 5, 2);
        for (int i = 1; i <= 40; i++) {
            s.add(new AdmissionCandidate(String.format("F%02d", i), district, year, 1, i <= 20 ? 1 : 2, null, null,
                    List.of("S1"), null, null, null, null, null, true));
        }
        InMemorySources.put(district, year, 1, s);
        StaffPrincipal city = TestAccounts.ensure(accounts, "demo-city-admin-2", StaffRole.CITY_ADMIN, null, null);
        MapPropertySource demo = new MapPropertySource("demo-advance", Map.of("xuewei.admission.demo-advance", "true"));
        environment.getPropertySources().addFirst(demo);
        try {
            List<?> steps = (List<?>) mvc.perform(post("/console/demo-season").param("season", "" + year)
                    .param("target", "ARRIVAL").with(user(city)).with(csrf())).andReturn().getFlashMap().get("steps");
            DemoSeason.Step step = steps.stream().map(x -> (DemoSeason.Step) x)
                    .filter(x -> x.districtCode().equals(district) && x.grade() == 1).findFirst().orElseThrow();
            assertThat(step.key()).isEqualTo("admission.demo.step.arrival");
            RunRecord run = runs.runs(district, year, 1).stream().filter(RunRecord::published).findFirst().orElseThrow();
            List<String> first = runs.placements(run.id()).stream().filter(p -> p.schoolCode() != null)
                    .map(p -> p.applicationNo()).toList();
            assertThat(first).hasSize(20);
            long unconfirmed = first.stream().filter(DemoSeason::leftUnconfirmed).count();
            assertThat(unconfirmed).as("the fixed numbers leave a few unconfirmed").isBetween(1L, 6L);
            assertThat(step.args()).containsExactly(20 - (int) unconfirmed, (int) unconfirmed, step.args()[2],
                    (int) unconfirmed);
            Map<String, Integer> states = new java.util.TreeMap<>();
            jdbc.sql("select state, count(*) from admission.offer where run_id = :r group by state").param("r", run.id())
                    .query((rs, n) -> states.put(rs.getString(1), rs.getInt(2))).list();
            // the confirmed stay, the unconfirmed are released, as many waiting children got their seats
            assertThat(states).containsEntry("CONFIRMED", 20 - (int) unconfirmed)
                    .containsEntry("RELEASED", (int) unconfirmed).containsEntry("OFFERED", (int) unconfirmed);
            assertThat(jdbc.sql("select held from admission.seat where run_id = :r and school_code = 'S1'")
                    .param("r", run.id()).query(Integer.class).single()).isEqualTo(20);
            // the second batch is a drawn, public, replayable draw
            String code = (String) step.args()[2];
            String page = mvc.perform(get("/draws/" + code)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).contains("第 2 批次补录");
            java.nio.file.Files.write(dir.resolve("instance.json"), mvc.perform(get("/draws/" + code + "/instance.json"))
                    .andReturn().getResponse().getContentAsByteArray());
            java.nio.file.Files.write(dir.resolve("result.json"), mvc.perform(get("/draws/" + code + "/result.json"))
                    .andReturn().getResponse().getContentAsByteArray());
            org.xuewei.engine.check.Verifier.Verdict verdict = org.xuewei.engine.check.Verifier.verify(
                    dir.resolve("instance.json"), dir.resolve("result.json"));
            assertThat(verdict.ok()).as(verdict.line()).isTrue();
            assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'admission.demo.arrival' and actor = 'demo-city-admin-2'")
                    .query(Integer.class).single()).isEqualTo(1);

            // again: done already, nothing changes
            List<?> again = (List<?>) mvc.perform(post("/console/demo-season").param("season", "" + year)
                    .param("target", "ARRIVAL").with(user(city)).with(csrf())).andReturn().getFlashMap().get("steps");
            assertThat(again).map(x -> (DemoSeason.Step) x).filteredOn(x -> x.districtCode().equals(district) && x.grade() == 1)
                    .singleElement().satisfies(x -> assertThat(x.key()).isEqualTo("admission.demo.step.arrival-done"));
            assertThat(jdbc.sql("select count(*) from admission.offer where run_id = :r").param("r", run.id())
                    .query(Integer.class).single()).isEqualTo(20 + (int) unconfirmed);
        } finally {
            environment.getPropertySources().remove("demo-advance");
        }
    }

    @Test
    void in_a_demo_where_every_child_has_a_place_the_arrival_step_draws_a_second_batch_for_the_overflow_children()
            throws Exception {
        // like the demo city: every child has a home, so whoever misses S1 is placed by 统筹 at S2 and nobody is
        // left without a place; the 统筹 children still wait for S1, their chosen school
        int year = 2083;
        String district = "360124";
        Season s = new Season().school("S1", 20, 0).school("S2", 30, 2);
        for (int i = 1; i <= 40; i++) {
            s.add(new AdmissionCandidate(String.format("F%02d", i), district, year, 1, i <= 20 ? 1 : i <= 30 ? 2 : 3,
                    null, null, List.of("S1"), null, null, Season.LAT, Season.LON, null, true));
        }
        InMemorySources.put(district, year, 1, s);
        StaffPrincipal city = TestAccounts.ensure(accounts, "demo-city-admin-3", StaffRole.CITY_ADMIN, null, null);
        MapPropertySource demo = new MapPropertySource("demo-advance", Map.of("xuewei.admission.demo-advance", "true"));
        environment.getPropertySources().addFirst(demo);
        try {
            List<?> steps = (List<?>) mvc.perform(post("/console/demo-season").param("season", "" + year)
                    .param("target", "ARRIVAL").with(user(city)).with(csrf())).andReturn().getFlashMap().get("steps");
            DemoSeason.Step step = steps.stream().map(x -> (DemoSeason.Step) x)
                    .filter(x -> x.districtCode().equals(district) && x.grade() == 1).findFirst().orElseThrow();
            RunRecord run = runs.runs(district, year, 1).stream().filter(RunRecord::published).findFirst().orElseThrow();
            assertThat(runs.placements(run.id())).hasSize(40).allSatisfy(p -> assertThat(p.schoolCode()).isNotNull());
            assertThat(step.key()).as("a second batch is drawn").isEqualTo("admission.demo.step.arrival");

            int releasedAtS1 = (int) runs.placements(run.id()).stream()
                    .filter(p -> "S1".equals(p.schoolCode()) && DemoSeason.leftUnconfirmed(p.applicationNo())).count();
            List<String> waitingCategory2 = runs.placements(run.id()).stream()
                    .filter(p -> p.route() == org.xuewei.platform.admission.allocation.Route.OVERFLOW
                            && p.category() == 2 && !DemoSeason.leftUnconfirmed(p.applicationNo()))
                    .map(p -> p.applicationNo()).toList();
            assertThat(releasedAtS1).as("the fixed numbers release a few S1 places").isBetween(1, 6);
            assertThat(waitingCategory2.size()).isGreaterThanOrEqualTo(releasedAtS1);
            // the winners are 统筹 children moved to S1 in priority order: all of category 2 (before category 3)
            List<String> winners = jdbc.sql("""
                            select application_no from admission.offer where run_id = :r and batch = 2
                            and school_code = 'S1' and state <> 'RELEASED' order by application_no""")
                    .param("r", run.id()).query(String.class).list();
            assertThat(winners).hasSize(releasedAtS1);
            assertThat(waitingCategory2).containsAll(winners);
            assertThat(step.args()[3]).isEqualTo(releasedAtS1);
            // capacities hold, and S2 got the winners' 统筹 seats back
            jdbc.sql("select school_code, held, capacity from admission.seat where run_id = :r").param("r", run.id())
                    .query((rs, n) -> {
                        int active = jdbc.sql("""
                                        select count(*) from admission.offer where run_id = :r and school_code = :s
                                        and state <> 'RELEASED'""").param("r", run.id()).param("s", rs.getString(1))
                                .query(Integer.class).single();
                        assertThat(rs.getInt(2)).isEqualTo(active).isLessThanOrEqualTo(rs.getInt(3));
                        return active;
                    }).list();
            assertThat(jdbc.sql("select held from admission.seat where run_id = :r and school_code = 'S1'")
                    .param("r", run.id()).query(Integer.class).single()).isEqualTo(20);
        } finally {
            environment.getPropertySources().remove("demo-advance");
        }
    }
}
