package org.xuewei.platform.admission.allocation;

import org.xuewei.platform.admission.AdmissionCandidate;
import org.xuewei.platform.policy.Policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The policy's order within a school written as the engine's (tier, points): category rank, then the
 * tie-breaks before {@code LOTTERY} in the policy's order. An earlier hukou date ranked before points
 * is folded into the tier ({@code rank × 100000 + day}, days since 1900-01-01, none = 99999); ranked
 * after points it is folded into the points' last decimals ({@code points + (99999 − day) × 10^-(scale+5)}),
 * which never changes an order the points decide. Whatever stays equal goes to the lottery.
 */
final class Priority {

    static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);
    static final long DAY_SPAN = 100_000;

    private final boolean dateInTier;
    private final boolean usesPoints;
    private final boolean dateInPoints;
    private final int scale;

    Priority(List<Policy.TieBreak> tieBreak, List<AdmissionCandidate> candidates) {
        int lottery = tieBreak.indexOf(Policy.TieBreak.LOTTERY);
        List<Policy.TieBreak> before = lottery < 0 ? tieBreak : tieBreak.subList(0, lottery);
        int date = before.indexOf(Policy.TieBreak.EARLIER_HUKOU_DATE);
        int points = before.indexOf(Policy.TieBreak.POINTS);
        this.usesPoints = points >= 0;
        this.dateInTier = date >= 0 && (points < 0 || date < points);
        this.dateInPoints = date >= 0 && points >= 0 && points < date;
        this.scale = candidates.stream().mapToInt(c -> Math.max(0, c.points().stripTrailingZeros().scale()))
                .max().orElse(0);
    }

    long tier(AdmissionCandidate c) {
        return dateInTier ? c.categoryRank() * DAY_SPAN + day(c) : c.categoryRank();
    }

    BigDecimal points(AdmissionCandidate c) {
        BigDecimal p = usesPoints ? c.points() : BigDecimal.ZERO;
        if (dateInPoints) {
            p = p.add(BigDecimal.valueOf(DAY_SPAN - 1 - day(c)).scaleByPowerOfTen(-(scale + 5)));
        }
        return p.stripTrailingZeros();
    }

    static long day(AdmissionCandidate c) {
        if (c.hukouDate() == null) {
            return DAY_SPAN - 1;
        }
        return Math.max(0, Math.min(DAY_SPAN - 2, ChronoUnit.DAYS.between(EPOCH, c.hukouDate())));
    }
}
