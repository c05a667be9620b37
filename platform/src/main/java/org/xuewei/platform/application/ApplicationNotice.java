package org.xuewei.platform.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something the parent is to be told about an application without a change of its status (module event), e.g. a
 * place given by a second batch (第二批次补录) or by an upheld appeal (复议). Published in the transaction of the
 * change, so the notification outbox commits or rolls back with it.
 *
 * @param guardianRef the guardian's keyed hash (the recipient; never the ID number)
 * @param messageKey  the message (SMS and inbox), with {@code args}
 */
public record ApplicationNotice(UUID applicationId, String number, String districtCode, String guardianRef,
                                String messageKey, List<String> args, Instant at) {

    public ApplicationNotice {
        args = List.copyOf(args);
    }
}
