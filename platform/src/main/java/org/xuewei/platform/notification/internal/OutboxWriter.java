package org.xuewei.platform.notification.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xuewei.platform.application.ApplicationNotice;
import org.xuewei.platform.application.ApplicationStatusChanged;
import org.xuewei.platform.application.ApplicationStatusesChanged;

import java.util.ArrayList;
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
        for (NotificationStore.Message m : messages(changed)) {
            store.enqueue(m.id(), m.channel(), m.recipient(), m.subjectRef(), m.messageKey(), m.args(), m.freeText(),
                    m.at());
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

    /** Many moves at once (a district's published results): the same two messages each, inserted in bulk. */
    @EventListener
    void on(ApplicationStatusesChanged many) {
        List<NotificationStore.Message> all = new ArrayList<>(many.changes().size() * Channel.values().length);
        many.changes().forEach(changed -> all.addAll(messages(changed)));
        store.enqueueAll(all);
    }

    private static List<NotificationStore.Message> messages(ApplicationStatusChanged changed) {
        String key = "notification.status." + changed.to().name();
        List<NotificationStore.Message> out = new ArrayList<>(Channel.values().length);
        for (Channel channel : Channel.values()) {
            out.add(new NotificationStore.Message(UUID.randomUUID(), channel, changed.guardianRef(),
                    changed.applicationId(), key, List.of(changed.number()), changed.message(), changed.at()));
        }
        return out;
    }
}
