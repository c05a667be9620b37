package org.xuewei.platform.admission;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tests only: applications and plans held in memory (the application and catalog modules implement the ports in
 * the platform), and a clock the tests can move.
 */
@TestConfiguration
public class InMemorySources {

    static final Map<String, Season> SEASONS = new ConcurrentHashMap<>();
    static final MovableClock CLOCK = new MovableClock();

    static void put(String district, int season, int grade, Season data) {
        SEASONS.put(district + "|" + season + "|" + grade, data);
    }

    static Season get(String district, int season, int grade) {
        return SEASONS.getOrDefault(district + "|" + season + "|" + grade, new Season());
    }

    @Bean
    @Primary
    AdmissionCandidates inMemoryCandidates() {
        return (d, s, g) -> get(d, s, g).candidates().stream()
                .map(c -> new AdmissionCandidate(c.applicationNo(), d, s, g, c.categoryRank(), c.points(), c.hukouDate(),
                        c.zoneSchools(), c.privateSchool(), c.groupKey(), c.latitude(), c.longitude(),
                        c.preferentialCategory(), c.verified())).toList();
    }

    @Bean
    @Primary
    SchoolSeats inMemorySeats() {
        return (d, s, g) -> get(d, s, g).schools();
    }

    @Bean
    @Primary
    Clock movableClock() {
        return CLOCK;
    }

    /** The system clock plus an offset the tests can add to. */
    static final class MovableClock extends Clock {
        private volatile long offsetMillis;

        void advance(java.time.Duration d) {
            offsetMillis += d.toMillis();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            Clock self = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId z) {
                    return self.withZone(z);
                }

                @Override
                public Instant instant() {
                    return self.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(offsetMillis);
        }
    }

    static List<String> list(String... s) {
        return List.of(s);
    }
}
