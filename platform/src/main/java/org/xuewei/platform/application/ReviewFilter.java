package org.xuewei.platform.application;

import org.xuewei.platform.policy.Grade;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the review queue (人工审核队列) shows: one status or all three queue statuses, one reason, one grade (the age
 * group: G1 幼升小 or G7 小升初), one page.
 */
public record ReviewFilter(ApplicationStatus status, ReviewReason reason, Grade grade, int page, int size) {

    /** The statuses a reviewer works on. */
    public static final Set<ApplicationStatus> QUEUE = EnumSet.of(ApplicationStatus.IN_REVIEW,
            ApplicationStatus.SUPPLEMENT_REQUESTED, ApplicationStatus.PENDING_VERIFICATION);
    public static final int MAX_SIZE = 100;

    public ReviewFilter {
        if (status != null && !QUEUE.contains(status)) {
            throw new IllegalArgumentException("not a queue status: " + status);
        }
        page = Math.max(0, page);
        size = size <= 0 ? 25 : Math.min(size, MAX_SIZE);
    }

    public static ReviewFilter all() {
        return new ReviewFilter(null, null, null, 0, 25);
    }
}
