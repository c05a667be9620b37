package org.xuewei.platform.application;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An application as its parent sees it: number, status, choices, category, reasons for review with what to do,
 * the timeline and the note. {@code created} is false when a submission found an existing application.
 */
public record ApplicationView(UUID id, String number, ApplicationStatus status, ChildSummary child, String publicSchool,
                              String privateSchool, String homeAddress, String category, Double points,
                              List<ReviewReason> reasons, List<TimelineEntry> timeline, String note,
                              Instant submittedAt, boolean created) {

    /** One step of the timeline, in China Standard Time; {@code bySystem} for machine steps. */
    public record TimelineEntry(ApplicationStatus status, LocalDateTime at, boolean bySystem, List<ReviewReason> reasons) {
    }
}
