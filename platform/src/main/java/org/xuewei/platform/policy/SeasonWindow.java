package org.xuewei.platform.policy;

import java.time.LocalDate;

/** The season's outer bounds: every date in the policy must lie inside [opens, closes]. */
public record SeasonWindow(LocalDate opens, LocalDate closes) {
    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(opens) && !day.isAfter(closes);
    }
}
