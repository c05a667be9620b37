package org.xuewei.platform.policy.seed;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** 招生季 — which season (entry year) is current: the one the console edits and the seeding fills. */
@Component
public class PolicySeason {

    private final Clock clock;
    private final PolicyProperties properties;

    PolicySeason(Clock clock, PolicyProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    /** The configured season, else this year until 30 September and next year from 1 October. */
    public int current() {
        if (properties.season() != null) {
            return properties.season();
        }
        return of(LocalDate.now(clock));
    }

    static int of(LocalDate today) {
        return today.getMonthValue() >= 10 ? today.getYear() + 1 : today.getYear();
    }
}
