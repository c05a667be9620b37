package org.xuewei.platform.admission.allocation;

/**
 * A school's fill after a run.
 *
 * @param cutoffCategory the last category admitted by ranking (录取分数线 by category), or {@code null}
 * @param cutoffPartial  that category did not fit whole: ties were broken by points, date or lottery
 * @param lotteryWinners children admitted by the lottery among the tied
 * @param lotteryLosers  tied children the lottery turned away
 */
public record SchoolStats(String code, String name, boolean privateSchool, int seats, int preferential, int byChoice,
                          int overflow, Integer cutoffCategory, boolean cutoffPartial, int lotteryWinners,
                          int lotteryLosers) {

    public int filled() {
        return preferential + byChoice + overflow;
    }
}
