package org.xuewei.platform.admission;

import java.time.Instant;

/** Event: a district's results for a season and grade are final (录取结果发布); notification informs the parents. */
public record AdmissionPublished(long runId, String districtCode, int season, int grade, int placed,
                                 Instant arrivalDeadline) {
}
