package org.xuewei.platform.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.identity.PersonalData;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Delivers the outbox, at least once: takes due messages under a lease (its own short transaction), delivers each —
 * the inbox by an insert keyed by the delivery id, SMS through the gateway with the delivery id as client id — and
 * marks it delivered. A crash between delivery and mark leaves the message to be taken again when the lease ends;
 * the repeated delivery is a no-op in both channels, so the parent sees it once.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final NotificationStore store;
    private final SmsGateway sms;
    private final PersonalData personal;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final NotificationProperties properties;
    private final Clock clock;
    /** Test hook: runs after a delivery and before its mark (a crash there is what the outbox must survive). */
    volatile Consumer<NotificationStore.Pending> afterDelivery = p -> { };

    Dispatcher(NotificationStore store, SmsGateway sms, PersonalData personal, MessageSource messages,
               TransactionTemplate tx, NotificationProperties properties, Clock clock) {
        this.store = store;
        this.sms = sms;
        this.personal = personal;
        this.messages = messages;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${xuewei.notification.dispatch-every:PT2S}", initialDelayString = "PT5S")
    public int dispatch() {
        return dispatch(clock.instant());
    }

    /** One round as if it were {@code now}; returns how many messages were marked delivered. */
    public int dispatch(Instant now) {
        List<NotificationStore.Pending> due = tx.execute(s -> store.claim(properties.batch(), now, now.plus(properties.lease())));
        int done = 0;
        for (NotificationStore.Pending p : due == null ? List.<NotificationStore.Pending>of() : due) {
            String outcome;
            try {
                outcome = deliver(p);
            } catch (RuntimeException e) {
                log.warn("delivery {} ({}) failed, attempt {}: {}", p.id(), p.channel(), p.attempts(), e.toString());
                tx.executeWithoutResult(s -> store.failed(p.id(), e.toString(), now.plus(properties.retryAfter())));
                continue;
            }
            afterDelivery.accept(p);
            tx.executeWithoutResult(s -> store.delivered(p.id(), outcome, clock.instant()));
            done++;
        }
        return done;
    }

    private String deliver(NotificationStore.Pending p) {
        return switch (p.channel()) {
            case INBOX -> tx.execute(s -> store.deliverToInbox(p, clock.instant())) ? "DELIVERED" : "DUPLICATE";
            case SMS -> {
                var phone = store.phoneCipher(p.recipient()).map(personal::decrypt);
                if (phone.isEmpty()) {
                    yield "NO_CONTACT";
                }
                yield sms.send(p.id(), phone.get(), text(p, Locale.SIMPLIFIED_CHINESE)) ? "DELIVERED" : "DUPLICATE";
            }
        };
    }

    /** The message in a language, with the reviewer's text after it. */
    String text(NotificationStore.Pending p, Locale locale) {
        String text = messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
        return p.freeText().isBlank() ? text : text + " " + p.freeText();
    }
}
