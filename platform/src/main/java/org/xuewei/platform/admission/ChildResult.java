package org.xuewei.platform.admission;

import java.time.Instant;

/**
 * A child's published result and why (for the parent's result page): the route, the school and its cut-off
 * category, the lottery position where a lottery decided, the 统筹 distance, the arrival state.
 *
 * @param route           PREFERENTIAL, CHOICE, OVERFLOW or UNPLACED
 * @param choice          position of the school in the child's list (CHOICE) or rank among the nearest (OVERFLOW)
 * @param cutoffCategory  the last category the school admitted by ranking, or {@code null}
 * @param offerState      OFFERED, CONFIRMED, RELEASED, or {@code null} without a place
 * @param noticeCode      the admission notice's code, or {@code null}
 * @param distanceFromZoneSchool the 统筹 distance was measured from the zone school (the home community has no
 *                        location), not from home
 */
public record ChildResult(String applicationNo, String districtCode, int season, int grade, String route,
                          String schoolCode, String schoolName, Integer choice, int category, Integer cutoffCategory,
                          String lotterySchool, Integer lotteryPosition, Integer lotteryTied, Double distanceMeters,
                          String offerState, Instant arrivalDeadline, String noticeCode,
                          boolean distanceFromZoneSchool) {
}
