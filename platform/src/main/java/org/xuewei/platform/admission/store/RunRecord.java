package org.xuewei.platform.admission.store;

import org.xuewei.platform.admission.allocation.Summary;

import java.time.Instant;

/** A stored run. */
public record RunRecord(long id, String districtCode, int season, int grade, String kind, Long drawId,
                        String inputSha256, String seed, String resultSha256, int candidates, int excluded,
                        String excludedReason, Summary summary, Instant createdAt, String createdBy,
                        Instant publishedAt, String publishedBy, Instant arrivalDeadline) {

    public boolean dry() {
        return "DRY".equals(kind);
    }

    public boolean published() {
        return publishedAt != null;
    }
}
