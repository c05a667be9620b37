package org.xuewei.platform.application;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * 申请状态. Labels shown to parents are messages ({@code application.status.<NAME>}), never the enum name.
 * {@link #canMoveTo} is the state machine; {@link EnrollmentApplication} refuses every other move.
 */
public enum ApplicationStatus {
    /** 已提交 (also after the parent changed the application: it is judged again) */
    SUBMITTED,
    /** 待核验: a registry did not answer; verified automatically when it does */
    PENDING_VERIFICATION,
    /** 核验通过 */
    VERIFIED,
    /** 人工审核 */
    IN_REVIEW,
    /** 待补充材料 */
    SUPPLEMENT_REQUESTED,
    /** 未通过 */
    REJECTED,
    /** 已派位 */
    ALLOCATED,
    /** 已公布 */
    PUBLISHED,
    /** 已确认 (报到) */
    CONFIRMED,
    /** 已撤回 */
    WITHDRAWN;

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> MOVES = Map.of(
            SUBMITTED, EnumSet.of(PENDING_VERIFICATION, VERIFIED, IN_REVIEW, WITHDRAWN),
            PENDING_VERIFICATION, EnumSet.of(SUBMITTED, VERIFIED, IN_REVIEW, WITHDRAWN),
            VERIFIED, EnumSet.of(SUBMITTED, ALLOCATED, IN_REVIEW, WITHDRAWN),
            IN_REVIEW, EnumSet.of(SUBMITTED, VERIFIED, SUPPLEMENT_REQUESTED, REJECTED, WITHDRAWN),
            SUPPLEMENT_REQUESTED, EnumSet.of(IN_REVIEW, WITHDRAWN),
            REJECTED, EnumSet.noneOf(ApplicationStatus.class),
            ALLOCATED, EnumSet.of(PUBLISHED),
            PUBLISHED, EnumSet.of(CONFIRMED),
            CONFIRMED, EnumSet.noneOf(ApplicationStatus.class),
            WITHDRAWN, EnumSet.noneOf(ApplicationStatus.class));

    public boolean canMoveTo(ApplicationStatus next) {
        return MOVES.get(this).contains(next);
    }

    /** Counts as the child's one application of the season. */
    public boolean active() {
        return this != WITHDRAWN && this != REJECTED;
    }

    /** The parent may still change the choices (until allocation; the window's end is the policy calendar's). */
    public boolean amendable() {
        return this == PENDING_VERIFICATION || this == VERIFIED || this == IN_REVIEW;
    }

    /** Message key of the label parents read. */
    public String labelKey() {
        return "application.status." + name();
    }
}
