package org.xuewei.platform.admission.allocation;

import java.math.BigDecimal;

/**
 * One child's outcome in a run, with what explains it.
 *
 * @param choice          1-based position of the school in the child's list (CHOICE), rank among the nearest (OVERFLOW)
 * @param lotterySchool   the school where a lottery decided about the child, or {@code null}
 * @param lotteryPosition the child's position by lottery key among the tied children there (1 = first)
 * @param lotteryTied     how many children were tied there
 * @param distanceMeters  统筹 distance from home, or {@code null}
 */
public record Placement(String applicationNo, Route route, String schoolCode, Integer choice, int category,
                        BigDecimal points, String lotterySchool, Integer lotteryPosition, Integer lotteryTied,
                        Double distanceMeters) {

    public boolean placed() {
        return schoolCode != null;
    }
}
