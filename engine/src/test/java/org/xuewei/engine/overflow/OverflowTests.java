package org.xuewei.engine.overflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class OverflowTests {
    private static final byte[] SEED = new byte[32];
    // Schools along a street in Nanchang, about 1 km apart (0.01° of longitude ≈ 977 m at 28.68° N).
    private static final OverflowSchool NEAR = new OverflowSchool("S-near", 28.68, 115.86, 1);
    private static final OverflowSchool MID = new OverflowSchool("S-mid", 28.68, 115.88, 1);
    private static final OverflowSchool FAR = new OverflowSchool("S-far", 28.68, 115.95, 5);
    private static final OverflowSchool FULL = new OverflowSchool("S-full", 28.68, 115.861, 0);

    private static OverflowStudent at(String id, double lon, int tier) {
        return new OverflowStudent(id, 28.68, lon, tier, BigDecimal.ZERO);
    }

    private static Map<String, OverflowPlacement> byId(List<OverflowPlacement> ps) {
        Map<String, OverflowPlacement> m = new HashMap<>();
        ps.forEach(p -> m.put(p.studentId(), p));
        return m;
    }

    @Test
    void nearestSchoolWithASeatFirstAndHigherPriorityWinsTheLastSeat() {
        List<OverflowPlacement> out = Overflow.place(
                List.of(at("b", 115.859, 1), at("a", 115.859, 0), at("c", 115.878, 0)),
                List.of(FAR, MID, NEAR, FULL), List.of(), SEED, Overflow.Options.nearest(3));
        assertThat(out).extracting(OverflowPlacement::studentId).containsExactly("a", "b", "c");
        Map<String, OverflowPlacement> m = byId(out);
        assertThat(m.get("a").schoolId()).isEqualTo("S-near");
        assertThat(m.get("a").rank()).isEqualTo(1);
        assertThat(m.get("a").distanceMeters()).isBetween(90.0, 100.0);
        // b (tier 1) loses S-near to a and S-mid to c (tier 0, nearest to S-mid), so goes to S-far.
        assertThat(m.get("c").schoolId()).isEqualTo("S-mid");
        assertThat(m.get("b").schoolId()).isEqualTo("S-far");
        assertThat(m.get("b").rank()).isEqualTo(3);
        assertThat(m.values()).extracting(OverflowPlacement::schoolId).doesNotContain("S-full");
    }

    @Test
    void theListStopsAfterMaxSchoolsAndBeyondMaxDistance() {
        OverflowSchool tiny = new OverflowSchool("S-near", 28.68, 115.86, 1);
        List<OverflowPlacement> capped = Overflow.place(List.of(at("a", 115.86, 0), at("b", 115.86, 1)),
                List.of(tiny, FAR), List.of(), SEED, Overflow.Options.nearest(1));
        assertThat(byId(capped).get("b").schoolId()).isNull();
        assertThat(byId(capped).get("b").rank()).isZero();
        List<OverflowPlacement> near = Overflow.place(List.of(at("a", 115.86, 0), at("b", 115.86, 1)),
                List.of(tiny, FAR), List.of(), SEED, new Overflow.Options(5, 5_000));
        assertThat(byId(near).get("b").schoolId()).isNull();
        List<OverflowPlacement> all = Overflow.place(List.of(at("a", 115.86, 0), at("b", 115.86, 1)),
                List.of(tiny, FAR), List.of(), SEED, Overflow.Options.nearest(5));
        assertThat(byId(all).get("b").schoolId()).isEqualTo("S-far");
        assertThat(byId(all).get("b").rank()).isEqualTo(2);
    }

    @Test
    void twinsGoTogether() {
        OverflowSchool one = new OverflowSchool("S-one", 28.68, 115.86, 1);
        List<OverflowPlacement> out = Overflow.place(List.of(at("t1", 115.86, 0), at("t2", 115.86, 0)),
                List.of(one, FAR), List.of(List.of("t1", "t2")), SEED, Overflow.Options.nearest(3));
        assertThat(byId(out).get("t1").schoolId()).isEqualTo(byId(out).get("t2").schoolId());
    }

    /** Nobody prefers (is nearer to) a listed school that has a free seat or admitted a lower-priority student. */
    @Property(tries = 60, seed = "31")
    void noStudentLosesANearerSeatToALowerPriorityStudent(@ForAll long seed) {
        Random r = new Random(seed);
        List<OverflowSchool> schools = new ArrayList<>();
        for (int s = 0; s < 1 + r.nextInt(8); s++) {
            schools.add(new OverflowSchool("S" + s, 28.6 + r.nextDouble() * 0.2, 115.8 + r.nextDouble() * 0.2,
                    r.nextInt(4)));
        }
        List<OverflowStudent> students = new ArrayList<>();
        for (int i = 0; i < r.nextInt(30); i++) {
            students.add(new OverflowStudent("A" + i, 28.6 + r.nextDouble() * 0.2, 115.8 + r.nextDouble() * 0.2,
                    r.nextInt(3), BigDecimal.valueOf(r.nextInt(5), 1)));
        }
        int k = 1 + r.nextInt(4);
        List<OverflowPlacement> out = Overflow.place(students, schools, List.of(), SEED, Overflow.Options.nearest(k));
        Map<String, OverflowPlacement> m = byId(out);
        Map<String, Integer> used = new HashMap<>();
        out.stream().filter(p -> p.schoolId() != null).forEach(p -> used.merge(p.schoolId(), 1, Integer::sum));
        for (OverflowSchool s : schools) {
            assertThat(used.getOrDefault(s.id(), 0)).isLessThanOrEqualTo(s.freeSeats());
        }
        for (OverflowStudent st : students) {
            OverflowPlacement p = m.get(st.id());
            List<OverflowSchool> open = new ArrayList<>(schools.stream().filter(s -> s.freeSeats() > 0).toList());
            open.sort((x, y) -> Double.compare(d(st, x), d(st, y)));
            for (int j = 0; j < Math.min(k, open.size()); j++) {
                OverflowSchool s = open.get(j);
                if (s.id().equals(p.schoolId())) {
                    break;
                }
                assertThat(used.getOrDefault(s.id(), 0)).as("%s skipped a free seat at %s", st.id(), s.id())
                        .isEqualTo(s.freeSeats());
                for (OverflowStudent other : students) {
                    if (s.id().equals(m.get(other.id()).schoolId())) {
                        assertThat(other.tier() < st.tier() || (other.tier() == st.tier()
                                && other.points().compareTo(st.points()) >= 0)).as("%s lost %s to %s", st.id(),
                                s.id(), other.id()).isTrue();
                    }
                }
            }
        }
    }

    private static double d(OverflowStudent st, OverflowSchool s) {
        return Geodesic.distance(st.latitude(), st.longitude(), s.latitude(), s.longitude());
    }
}
