package org.xuewei.platform.application;

import org.xuewei.platform.policy.Grade;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One page of a district's review queue, oldest submission first, with the total for the filter. */
public record ReviewPage(List<Item> items, int page, int size, long total) {

    /** A queue row: the child's name masked (张*明), never the ID number. */
    public record Item(UUID id, String number, ApplicationStatus status, Grade grade, String maskedName,
                       String publicSchool, List<ReviewReason> reasons, Instant submittedAt) {
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
