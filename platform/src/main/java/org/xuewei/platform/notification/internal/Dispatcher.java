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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Delivers the outbox in batches, at least once. A round takes up to {@code batch} due messages under a lease, with
 * the phones of their SMS (one short transaction), puts the inbox messages of the batch into the inbox in one insert
 * keyed by the delivery id, sends the SMS one by one through the gateway with the delivery id as client id, and marks
 * the delivered in one update (the failed, in the same transaction, each with its error, to be retried after
 * {@code retry-after}; a failure holds back no other message of the batch). A crash between delivery and mark leaves
 * the messages to be taken again when the lease ends; the repeated delivery is a no-op in both channels, so the parent
 * sees each once. While a round finds a full batch and delivers any of it, the next starts at once, so a backlog is
 * drained without waiting for the schedule (the scheduler has a thread for other tasks meanwhile). Several instances
 * may dispatch at once: {@code for update skip locked} and the lease keep them off each other's messages.
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
    /** Test hook: runs after a batch's deliveries and before their marks (a crash there is what the outbox must survive). */
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
        return drain(clock::instant);
    }

    /** Rounds as if it were {@code now} until one finds less than a full batch; returns how many were marked delivered. */
    public int dispatch(Instant now) {
        return drain(() -> now);
    }

    private int drain(Supplier<Instant> now) {
        int delivered = 0;
        Round round;
        do {
            round = round(now.get());
            delivered += round.delivered();
        } while (round.claimed() >= properties.batch() && round.delivered() > 0);
        return delivered;
    }

    /** How many messages a round took and how many of them it marked delivered. */
    private record Round(int claimed, int delivered) {
    }

    private record Batch(List<NotificationStore.Pending> due, Map<String, String> phoneCiphers) {
    }

    private Round round(Instant now) {
        Batch batch = tx.execute(s -> {
            List<NotificationStore.Pending> due = store.claim(properties.batch(), now, now.plus(properties.lease()));
            return new Batch(due, store.phoneCiphers(due.stream().filter(p -> p.channel() == Channel.SMS)
                    .map(NotificationStore.Pending::recipient).collect(Collectors.toSet())));
        });
        if (batch == null || batch.due().isEmpty()) {
            return new Round(0, 0);
        }
        Map<UUID, String> outcomes = new LinkedHashMap<>();
        Map<UUID, String> errors = new LinkedHashMap<>();
        List<NotificationStore.Pending> inbox = batch.due().stream().filter(p -> p.channel() == Channel.INBOX).toList();
        try {
            deliverToInbox(inbox, outcomes);
        } catch (RuntimeException e) {
            // one at a time, so that a message the inbox refuses fails alone
            for (NotificationStore.Pending p : inbox) {
                attempt(p, errors, () -> deliverToInbox(List.of(p), outcomes));
            }
        }
        for (NotificationStore.Pending p : batch.due()) {
            if (p.channel() == Channel.SMS) {
                attempt(p, errors, () -> outcomes.put(p.id(), sendSms(p, batch.phoneCiphers().get(p.recipient()))));
            }
        }
        for (NotificationStore.Pending p : batch.due()) {
            if (outcomes.containsKey(p.id())) {
                afterDelivery.accept(p);
            }
        }
        tx.executeWithoutResult(s -> {
            store.delivered(outcomes, clock.instant());
            store.failed(errors, now.plus(properties.retryAfter()));
        });
        return new Round(batch.due().size(), outcomes.size());
    }

    private void deliverToInbox(List<NotificationStore.Pending> inbox, Map<UUID, String> outcomes) {
        if (inbox.isEmpty()) {
            return;
        }
        Set<UUID> inserted = tx.execute(s -> store.deliverToInbox(inbox.stream().map(NotificationStore.Pending::id).toList()));
        for (NotificationStore.Pending p : inbox) {
            outcomes.put(p.id(), inserted != null && inserted.contains(p.id()) ? "DELIVERED" : "DUPLICATE");
        }
    }

    private static void attempt(NotificationStore.Pending p, Map<UUID, String> errors, Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException e) {
            log.warn("delivery {} ({}) failed, attempt {}: {}", p.id(), p.channel(), p.attempts(), e.toString());
            errors.put(p.id(), e.toString());
        }
    }

    private String sendSms(NotificationStore.Pending p, String phoneCipher) {
        if (phoneCipher == null) {
            return "NO_CONTACT";
        }
        return sms.send(p.id(), personal.decrypt(phoneCipher), text(p, Locale.SIMPLIFIED_CHINESE)) ? "DELIVERED" : "DUPLICATE";
    }

    /** The message in a language, with the reviewer's text after it. */
    String text(NotificationStore.Pending p, Locale locale) {
        String text = messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
        return p.freeText().isBlank() ? text : text + " " + p.freeText();
    }
}
