package org.xuewei.platform.policy.seed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyCalendar;
import org.xuewei.platform.policy.PolicyEvaluator;
import org.xuewei.platform.policy.PolicyLibrary;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCalendarTests {

    private static final PolicyLibrary SHIPPED = PolicyLibrary.shipped();

    @Property(tries = 40)
    void theDemoApplicationWindowIsOpenTheDayAfterAnyStartDay(@ForAll @IntRange(min = 0, max = 3 * 366) int offset) {
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(offset);
        int season = PolicySeason.of(start);
        for (String id : ShippedPolicyImport.DEMO) {
            Policy shipped = SeasonShift.to(SHIPPED.resolve(id), season);
            Policy demo = DemoCalendar.opening(shipped, start.minusDays(1));

            assertThat(PolicyEvaluator.validate(demo)).as("%s opened on %s", id, start).isEmpty();
            LocalDateTime noon = LocalDateTime.of(start, LocalTime.NOON);
            for (Grade grade : new Grade[] {Grade.G1, Grade.G7}) {
                assertThat(demo.calendar().openAt(grade, noon)).as("%s %s", id, grade)
                        .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("COLLECT"));
            }
            // only the calendar and the window move: the season's cut-offs stay
            assertThat(demo.eligibility()).isEqualTo(shipped.eligibility());
            assertThat(demo.evidence()).isEqualTo(shipped.evidence());
        }
    }

    @Property(tries = 20)
    void everyGradeKeepsThePhaseOffsets(@ForAll @IntRange(min = -400, max = 400) int days) {
        PolicyCalendar calendar = SHIPPED.resolve(ShippedPolicyImport.CITY_DEFAULT).calendar();
        LocalDate day = LocalDate.of(2026, 11, 28).plusDays(days);
        PolicyCalendar moved = calendar.withPhaseStartingOn("COLLECT", day);
        for (Grade grade : new Grade[] {Grade.G1, Grade.G7}) {
            LocalDateTime before = collect(calendar, grade);
            LocalDateTime after = collect(moved, grade);
            assertThat(after.toLocalDate()).isEqualTo(day);
            long shift = ChronoUnit.DAYS.between(before, after);
            for (int i = 0; i < calendar.phases().size(); i++) {
                PolicyCalendar.Phase p = calendar.phases().get(i);
                if (p.grade() == grade) {
                    assertThat(moved.phases().get(i).start()).isEqualTo(p.start().plusDays(shift));
                    assertThat(moved.phases().get(i).end()).isEqualTo(p.end().plusDays(shift));
                }
            }
        }
    }

    private static LocalDateTime collect(PolicyCalendar calendar, Grade grade) {
        return calendar.phases().stream().filter(p -> p.grade() == grade && p.code().equals("COLLECT"))
                .findFirst().orElseThrow().start();
    }
}
