package org.xuewei.platform.admission;

import java.time.Instant;

/**
 * Event: a child was given a place after publication — by a second batch (第二批次补录) or by an upheld appeal (复议).
 * Published in the transaction that made the offer; the application module records it on the child's timeline and
 * tells the parent.
 *
 * @param reason   {@link #SECOND_BATCH} or {@link #APPEAL_UPHELD}
 * @param batch    the offer's batch (2, 3, … for a second batch; the old batch for an appeal)
 * @param deadline the arrival deadline of the new offer
 */
public record AdmissionOfferMade(long runId, String applicationNo, String districtCode, int season, int grade,
                                 String schoolCode, String schoolName, String reason, int batch, Instant deadline,
                                 Instant at) {

    public static final String SECOND_BATCH = "SECOND_BATCH";
    public static final String APPEAL_UPHELD = "APPEAL_UPHELD";
}
