package org.xuewei.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PolicyCalendarTests {

    static final PolicyCalendar CALENDAR = NanchangUrbanPolicyTests.LIBRARY.resolve("nanchang-urban-2025").calendar();

    @Test
    void theDemoSeasonStartsOnAnyGivenDay() {
        PolicyCalendar demo = CALENDAR.relativeTo(LocalDate.of(2026, 11, 29));
        assertThat(demo.firstStart()).contains(LocalDateTime.of(2026, 11, 29, 8, 0));
        assertThat(demo.openAt(Grade.G7, LocalDateTime.of(2026, 11, 30, 12, 0)))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("COLLECT"));
        assertThat(demo.openAt(Grade.G1, LocalDateTime.of(2026, 11, 30, 12, 0))).isEmpty();
    }

    @Property
    void shiftingKeepsEveryPhasesLengthAndOffset(@ForAll @IntRange(min = -4000, max = 4000) int days) {
        LocalDate start = LocalDate.of(2025, 7, 8).plusDays(days);
        PolicyCalendar shifted = CALENDAR.relativeTo(start);
        for (int i = 0; i < CALENDAR.phases().size(); i++) {
            var a = CALENDAR.phases().get(i);
            var b = shifted.phases().get(i);
            assertThat(ChronoUnit.MINUTES.between(b.start(), b.end())).isEqualTo(ChronoUnit.MINUTES.between(a.start(), a.end()));
            assertThat(ChronoUnit.DAYS.between(a.start(), b.start())).isEqualTo(days);
        }
    }
}
