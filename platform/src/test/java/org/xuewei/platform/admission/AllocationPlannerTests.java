package org.xuewei.platform.admission;

import org.junit.jupiter.api.Test;
import org.xuewei.platform.admission.allocation.AllocationInput;
import org.xuewei.platform.admission.allocation.AllocationPlanner;
import org.xuewei.platform.admission.allocation.Outcome;
import org.xuewei.platform.admission.allocation.Placement;
import org.xuewei.platform.admission.allocation.Route;
import org.xuewei.platform.admission.allocation.SchoolStats;
import org.xuewei.platform.policy.Policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation as a pure function (no Spring): categories, cut-offs, 优待, twins, 统筹, 公民同招. */
class AllocationPlannerTests {

    static Outcome run(Season s, AdmissionRules rules, String seed) {
        AllocationPlanner.Plan plan = AllocationPlanner.freeze(new AllocationInput(Season.DISTRICT, Season.YEAR,
                Season.GRADE, s.candidates(), s.schools(), rules));
        return AllocationPlanner.run(plan, seed == null ? AllocationPlanner.dryRunSeed(plan.inputSha256()) : seed);
    }

    static Outcome run(Season s) {
        return run(s, AdmissionRules.defaults(), null);
    }

    static SchoolStats stats(Outcome o, String code) {
        return o.schools().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void categories_are_admitted_in_order_and_the_marginal_one_by_lottery() {
        Season s = new Season().school("S1", 3, 0).school("S2", 10, 1)
                .child("A1", 1, "S1").child("A2", 1, "S1").child("A3", 3, "S1").child("A4", 3, "S1")
                .child("A5", 5, "S1");
        Outcome o = run(s);
        Map<String, Placement> p = o.byApplication();
        assertThat(p.get("A1").schoolCode()).isEqualTo("S1");
        assertThat(p.get("A2").schoolCode()).isEqualTo("S1");
        assertThat(List.of(p.get("A3").schoolCode(), p.get("A4").schoolCode())).containsExactlyInAnyOrder("S1", "S2");
        assertThat(p.get("A5").route()).isEqualTo(Route.OVERFLOW);
        assertThat(p.get("A5").schoolCode()).isEqualTo("S2");
        SchoolStats s1 = stats(o, "S1");
        assertThat(s1.cutoffCategory()).isEqualTo(3);
        assertThat(s1.cutoffPartial()).isTrue();
        assertThat(s1.lotteryWinners()).isEqualTo(1);
        assertThat(s1.lotteryLosers()).isEqualTo(1);
        Placement winner = "S1".equals(p.get("A3").schoolCode()) ? p.get("A3") : p.get("A4");
        assertThat(winner.lotteryPosition()).isEqualTo(1);
        assertThat(winner.lotteryTied()).isEqualTo(2);
        assertThat(p.get("A1").lotteryPosition()).isNull();
    }

    @Test
    void a_category_that_fits_is_admitted_whole() {
        Season s = new Season().school("S1", 4, 0).child("A1", 1, "S1").child("A2", 2, "S1").child("A3", 2, "S1");
        Outcome o = run(s);
        assertThat(o.placements()).allMatch(x -> "S1".equals(x.schoolCode()));
        assertThat(stats(o, "S1").cutoffPartial()).isFalse();
        assertThat(stats(o, "S1").lotteryLosers()).isZero();
    }

    @Test
    void points_then_earlier_hukou_break_ties_before_the_lottery() {
        Season s = new Season().school("S1", 2, 0).school("S2", 5, 2)
                .add(Season.candidate("A1", 1, new BigDecimal("30"), LocalDate.of(2020, 1, 1), List.of("S1"), null, null, null, true))
                .add(Season.candidate("A2", 1, new BigDecimal("40"), LocalDate.of(2024, 1, 1), List.of("S1"), null, null, null, true))
                .add(Season.candidate("A3", 1, new BigDecimal("30"), LocalDate.of(2019, 5, 1), List.of("S1"), null, null, null, true));
        AdmissionRules rules = new AdmissionRules(List.of(Policy.TieBreak.POINTS, Policy.TieBreak.EARLIER_HUKOU_DATE,
                Policy.TieBreak.LOTTERY), true, Set.of(), 5);
        Map<String, Placement> p = run(s, rules, null).byApplication();
        assertThat(p.get("A2").schoolCode()).isEqualTo("S1");
        assertThat(p.get("A3").schoolCode()).isEqualTo("S1");
        assertThat(p.get("A1").schoolCode()).isEqualTo("S2");

        AdmissionRules dateFirst = new AdmissionRules(List.of(Policy.TieBreak.EARLIER_HUKOU_DATE, Policy.TieBreak.POINTS),
                true, Set.of(), 5);
        Map<String, Placement> q = run(s, dateFirst, null).byApplication();
        assertThat(q.get("A3").schoolCode()).isEqualTo("S1");
        assertThat(q.get("A1").schoolCode()).isEqualTo("S1");
        assertThat(q.get("A2").schoolCode()).isEqualTo("S2");
    }

    @Test
    void preferential_children_come_first_within_the_class_cap() {
        // 2 seats planned, one class of 3: three 优待 children fit the class, a fourth and the others do not
        Season s = new Season().school(new AdmissionSchool("S1", "一小", false, Season.LAT, Season.LON, 2, 1, 3))
                .school("S2", 10, 1);
        for (int i = 1; i <= 4; i++) {
            s.add(Season.candidate("P" + i, 3, null, null, List.of("S1"), null, null, "ACTIVE_MILITARY", true));
        }
        s.child("A1", 1, "S1");
        Outcome o = run(s);
        Map<String, Placement> p = o.byApplication();
        assertThat(o.placements().stream().filter(x -> x.route() == Route.PREFERENTIAL)).hasSize(3)
                .allMatch(x -> x.schoolCode().equals("S1"));
        assertThat(p.get("A1").schoolCode()).isEqualTo("S2");
        assertThat(p.get("P4").route()).isEqualTo(Route.OVERFLOW);
        assertThat(stats(o, "S1").filled()).isEqualTo(3);
    }

    @Test
    void twins_are_admitted_together_or_not_at_all() {
        for (int round = 0; round < 20; round++) {
            Season s = new Season().school("S1", 2, 0).school("S2", 10, 1).child("A1", 1, "S1")
                    .add(Season.candidate("T1", 2, null, null, List.of("S1"), null, "twins", null, true))
                    .add(Season.candidate("T2", 2, null, null, List.of("S1"), null, "twins", null, true))
                    .child("D1", 2, "S1");
            Map<String, Placement> p = run(s, AdmissionRules.defaults(),
                    org.xuewei.engine.Sha256.hexOf("seed " + round)).byApplication();
            assertThat(p.get("T1").schoolCode()).isEqualTo(p.get("T2").schoolCode());
            assertThat(p.get("A1").schoolCode()).isEqualTo("S1");
        }
    }

    @Test
    void overflow_goes_to_the_nearest_school_with_seats_in_priority_order() {
        Season s = new Season().school("S1", 1, 0).school("FAR", 5, 6).school("NEAR", 1, 1).school("FULL", 1, 0.5)
                .child("A0", 1, "FULL").child("A1", 1, "S1").child("A2", 2, "S1").child("A3", 3, "S1");
        Outcome o = run(s);
        Map<String, Placement> p = o.byApplication();
        assertThat(p.get("A1").schoolCode()).isEqualTo("S1");
        assertThat(p.get("A2").route()).isEqualTo(Route.OVERFLOW);
        assertThat(p.get("A2").schoolCode()).isEqualTo("NEAR");
        assertThat(p.get("A2").distanceMeters()).isBetween(900.0, 1100.0);
        assertThat(p.get("A3").schoolCode()).isEqualTo("FAR");
        assertThat(p.get("A3").distanceMeters()).isBetween(5800.0, 6200.0);
    }

    @Test
    void overflow_goes_to_the_nearest_school_with_seats_from_the_home_not_from_the_zone_school() {
        // the zone school S1 is full; NORTH is 5 km north of it, SOUTH 6 km south
        Season s = new Season().school("S1", 1, 0).school("NORTH", 2, 5).school("SOUTH", 2, -6)
                .child("A1", 1, "S1");
        double km = 1 / 111.0;
        // H1 lives 4.8 km south of S1 (1.2 km from SOUTH), H2 4.8 km north (0.2 km from NORTH)
        s.add(new AdmissionCandidate("H1", Season.DISTRICT, Season.YEAR, Season.GRADE, 2, null, null, List.of("S1"), null,
                null, Season.LAT - 4.8 * km, Season.LON, null, true, true));
        s.add(new AdmissionCandidate("H2", Season.DISTRICT, Season.YEAR, Season.GRADE, 2, null, null, List.of("S1"), null,
                null, Season.LAT + 4.8 * km, Season.LON, null, true, true));
        // Z1's home community has no location: it stands at its zone school, and says so
        s.add(new AdmissionCandidate("Z1", Season.DISTRICT, Season.YEAR, Season.GRADE, 3, null, null, List.of("S1"), null,
                null, Season.LAT, Season.LON, null, true, false));
        Outcome o = run(s);
        Map<String, Placement> p = o.byApplication();
        assertThat(p.get("A1").schoolCode()).isEqualTo("S1");
        // from the zone school NORTH (5 km) is nearer than SOUTH (6 km); from H1's home SOUTH is the nearest
        assertThat(p.get("H1").route()).isEqualTo(Route.OVERFLOW);
        assertThat(p.get("H1").schoolCode()).isEqualTo("SOUTH");
        assertThat(p.get("H1").distanceMeters()).isBetween(1100.0, 1300.0);
        assertThat(p.get("H1").choice()).isEqualTo(1);
        assertThat(p.get("H2").schoolCode()).isEqualTo("NORTH");
        assertThat(p.get("H2").distanceMeters()).isBetween(150.0, 250.0);
        assertThat(p.get("Z1").schoolCode()).isEqualTo("NORTH");
        assertThat(p.get("Z1").distanceMeters()).isBetween(4900.0, 5100.0);
        assertThat(o.distanceFromZoneSchool()).containsExactly("Z1");
        assertThat(org.xuewei.platform.admission.allocation.Summary.of(o).distanceFromZoneSchool()).containsExactly("Z1");
    }

    @Test
    void a_child_unplaced_by_its_private_choice_falls_back_to_its_public_option() {
        Season s = new Season().privateSchool("P1", 1).school("S1", 5, 0)
                .add(Season.candidate("A1", 4, null, null, List.of("S1"), "P1", null, null, true))
                .add(Season.candidate("A2", 4, null, null, List.of("S1"), "P1", null, null, true))
                .child("A3", 1, "S1");
        Outcome o = run(s);
        Map<String, Placement> p = o.byApplication();
        assertThat(List.of(p.get("A1").schoolCode(), p.get("A2").schoolCode())).containsExactlyInAnyOrder("P1", "S1");
        Placement loser = "S1".equals(p.get("A1").schoolCode()) ? p.get("A1") : p.get("A2");
        assertThat(loser.choice()).isEqualTo(2);
        assertThat(loser.lotterySchool()).isEqualTo("P1");
        assertThat(stats(o, "P1").lotteryLosers()).isEqualTo(1);
        assertThat(stats(o, "P1").cutoffCategory()).isNull();
    }

    @Test
    void the_result_does_not_depend_on_the_order_of_the_lists() {
        Season a = new Season().school("S1", 7, 0).school("S2", 7, 1).school("S3", 7, 3);
        Random r = new Random(7);
        List<AdmissionCandidate> list = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            list.add(Season.candidate(String.format("N%03d", i), 1 + r.nextInt(4), null, null,
                    List.of("S" + (1 + r.nextInt(3))), null, null, null, true));
        }
        list.forEach(a::add);
        Collections.shuffle(list, r);
        Season b = new Season().school("S3", 7, 3).school("S1", 7, 0).school("S2", 7, 1);
        list.forEach(b::add);
        Outcome x = run(a);
        Outcome y = run(b);
        assertThat(x.resultJson()).isEqualTo(y.resultJson());
        assertThat(x.placements()).isEqualTo(y.placements());
        assertThat(x.placements().stream().filter(Placement::placed)).hasSize(21);
    }
}
