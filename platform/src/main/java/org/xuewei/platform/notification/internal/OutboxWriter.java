package org.xuewei.platform.notification.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xuewei.platform.application.ApplicationNotice;
import org.xuewei.platform.application.ApplicationStatusChanged;

import java.util.List;
import java.util.UUID;

/**
 * Writes the outbox in the publisher's transaction (a synchronous listener): the decision and its two messages (SMS,
 * inbox) commit or roll back together, so no decision goes unannounced and no message tells of a decision that did
 * not happen.
 */
@Component
class OutboxWriter {

    private final NotificationStore store;

    OutboxWriter(NotificationStore store) {
        this.store = store;
    }

    @EventListener
    void on(ApplicationStatusChanged changed) {
        String key = "notification.status." + changed.to().name();
        for (Channel channel : Channel.values()) {
            store.enqueue(UUID.randomUUID(), channel, changed.guardianRef(), changed.applicationId(), key,
                    List.of(changed.number()), changed.message(), changed.at());
        }
    }

    /** A notice without a status change (a second-batch place, an upheld appeal): the same two messages. */
    @EventListener
    void on(ApplicationNotice notice) {
        for (Channel channel : Channel.values()) {
            store.enqueue(UUID.randomUUID(), channel, notice.guardianRef(), notice.applicationId(), notice.messageKey(),
                    notice.args(), "", notice.at());
        }
    }
}
