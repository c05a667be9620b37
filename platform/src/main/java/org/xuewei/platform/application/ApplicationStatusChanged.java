package org.xuewei.platform.application;

import java.time.Instant;
import java.util.UUID;

/**
 * An application moved from one status to another (module event). Published in the transaction of the move, so a
 * listener that writes in the same transaction (the notification outbox) commits or rolls back with it.
 * Today {@link ReviewDesk} publishes it for the review desk's moves (decisions, supplement provided); the submission
 * and re-verification paths of {@link Applications} should publish it too.
 *
 * @param guardianRef the guardian's keyed hash (the recipient of notifications; never the ID number)
 * @param message     free text for the parent from the reviewer (a supplement request or a rejection reason), or empty
 */
public record ApplicationStatusChanged(UUID applicationId, String number, String districtCode, String guardianRef,
                                       ApplicationStatus from, ApplicationStatus to, String message, String actor,
                                       Instant at) {
    public ApplicationStatusChanged {
        message = message == null ? "" : message;
    }
}
