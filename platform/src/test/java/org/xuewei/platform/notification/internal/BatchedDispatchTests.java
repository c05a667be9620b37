package org.xuewei.platform.notification.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.identity.PersonalData;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher delivers in batches: one call drains a backlog of several batches, each batch with one claim, one
 * inbox insert and one update of the marks; a message whose delivery fails is marked failed alone, to be retried; two
 * dispatchers at once never deliver the same message.
 */
@PlatformTest
class BatchedDispatchTests {

    @Autowired Dispatcher dispatcher;
    @Autowired NotificationStore store;
    @Autowired PersonalData personal;
    @Autowired MessageSource messages;
    @Autowired TransactionTemplate tx;
    @Autowired NotificationProperties properties;
    @Autowired Clock clock;
    @Autowired JdbcClient jdbc;

    /** A gateway that remembers every send and refuses the delivery ids it is told to. */
    static final class RecordingGateway implements SmsGateway {
        final Map<UUID, AtomicInteger> sends = new ConcurrentHashMap<>();
        final Set<UUID> refused = ConcurrentHashMap.newKeySet();

        @Override
        public boolean send(UUID deliveryId, String phone, String text) {
            if (refused.contains(deliveryId)) {
                throw new IllegalStateException("gateway refused " + deliveryId);
            }
            return sends.computeIfAbsent(deliveryId, id -> new AtomicInteger()).incrementAndGet() == 1;
        }
    }

    /** The store, counting its batch statements and failing the inbox insert of any batch holding a refused id. */
    static final class CountingStore extends NotificationStore {
        final AtomicInteger claims = new AtomicInteger();
        final AtomicInteger inboxInserts = new AtomicInteger();
        final AtomicInteger markUpdates = new AtomicInteger();
        final Set<UUID> refused = ConcurrentHashMap.newKeySet();

        CountingStore(JdbcClient jdbc) {
            super(jdbc);
        }

        @Override
        public List<Pending> claim(int limit, Instant now, Instant leaseEnd) {
            claims.incrementAndGet();
            return super.claim(limit, now, leaseEnd);
        }

        @Override
        public Set<UUID> deliverToInbox(Collection<UUID> ids) {
            inboxInserts.incrementAndGet();
            if (ids.stream().anyMatch(refused::contains)) {
                throw new IllegalStateException("inbox refused a message of " + ids.size());
            }
            return super.deliverToInbox(ids);
        }

        @Override
        public void delivered(Map<UUID, String> outcomes, Instant now) {
            markUpdates.incrementAndGet();
            super.delivered(outcomes, now);
        }
    }

    /** Messages of {@code parents} parents with a phone (inbox + SMS each), left leased until {@code until} (not due before). */
    List<NotificationStore.Pending> backlog(int parents, Instant until) {
        Instant now = clock.instant();
        List<NotificationStore.Message> all = new ArrayList<>();
        for (int i = 0; i < parents; i++) {
            String recipient = personal.lookupHash("batch-" + UUID.randomUUID());
            store.saveContact(recipient, personal.encrypt("1380000" + String.format(Locale.ROOT, "%04d", i)), now);
            UUID application = UUID.randomUUID();
            for (Channel channel : Channel.values()) {
                all.add(new NotificationStore.Message(UUID.randomUUID(), channel, recipient, application,
                        "notification.status.SUBMITTED", List.of("B" + i), "", now));
            }
        }
        store.enqueueAll(all);
        String[] ids = all.stream().map(m -> m.id().toString()).toArray(String[]::new);
        jdbc.sql("update notification.outbox set claimed_until = :until where id = any(cast(:ids as uuid[]))")
                .param("until", java.time.OffsetDateTime.ofInstant(until, java.time.ZoneOffset.UTC)).param("ids", ids).update();
        return all.stream().map(m -> new NotificationStore.Pending(m.id(), m.channel(), m.recipient(), m.subjectRef(),
                m.messageKey(), m.args(), m.freeText(), m.at(), 0)).toList();
    }

    String outcome(UUID id) {
        return jdbc.sql("select coalesce(outcome, 'NONE') from notification.outbox where id = :id").param("id", id)
                .query(String.class).single();
    }

    long inInbox(Collection<UUID> ids) {
        return jdbc.sql("select count(*) from notification.inbox where delivery_id = any(cast(:ids as uuid[]))")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new)).query(Long.class).single();
    }

    Dispatcher dispatcher(NotificationStore store, SmsGateway gateway) {
        return new Dispatcher(store, gateway, personal, messages, tx, properties, clock);
    }

    /** Whatever other tests left in the outbox goes first, so the rounds counted here are this test's. */
    Instant afterOthers() {
        Instant later = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(7 * 24 * 3600);
        dispatcher.dispatch(later);
        return later;
    }

    @Test
    void one_call_drains_a_backlog_of_several_batches_each_written_in_bulk() {
        Instant later = afterOthers();
        int parents = properties.batch() + properties.batch() / 4;   // 2.5 batches of messages
        List<NotificationStore.Pending> backlog = backlog(parents, later.minusSeconds(60));
        CountingStore counting = new CountingStore(jdbc);
        RecordingGateway gateway = new RecordingGateway();

        int delivered = dispatcher(counting, gateway).dispatch(later);

        assertThat(delivered).isEqualTo(2 * parents);
        assertThat(backlog).allSatisfy(p -> assertThat(outcome(p.id())).isEqualTo("DELIVERED"));
        assertThat(inInbox(backlog.stream().filter(p -> p.channel() == Channel.INBOX).map(NotificationStore.Pending::id).toList()))
                .isEqualTo(parents);
        assertThat(gateway.sends).hasSize(parents).allSatisfy((id, n) -> assertThat(n.get()).isOne());
        // three rounds (100, 100, 50): per round one claim, one inbox insert, one update of the marks
        assertThat(counting.claims.get()).isEqualTo(3);
        assertThat(counting.inboxInserts.get()).isEqualTo(3);
        assertThat(counting.markUpdates.get()).isEqualTo(3);
    }

    @Test
    void a_failing_message_fails_alone_and_is_retried_after_its_wait() {
        Instant later = afterOthers();
        List<NotificationStore.Pending> backlog = backlog(10, later.minusSeconds(60));
        NotificationStore.Pending badInbox = backlog.stream().filter(p -> p.channel() == Channel.INBOX).toList().get(2);
        NotificationStore.Pending badSms = backlog.stream().filter(p -> p.channel() == Channel.SMS).toList().get(5);
        CountingStore counting = new CountingStore(jdbc);
        counting.refused.add(badInbox.id());
        RecordingGateway gateway = new RecordingGateway();
        gateway.refused.add(badSms.id());

        int delivered = dispatcher(counting, gateway).dispatch(later);

        assertThat(delivered).isEqualTo(18);
        for (NotificationStore.Pending p : backlog) {
            if (p == badInbox || p == badSms) {
                var row = jdbc.sql("select delivered_at, claimed_until, last_error from notification.outbox where id = :id")
                        .param("id", p.id()).query().singleRow();
                assertThat(row.get("delivered_at")).isNull();
                assertThat(((java.sql.Timestamp) row.get("claimed_until")).toInstant())
                        .isEqualTo(later.plus(properties.retryAfter()));
                assertThat((String) row.get("last_error")).contains("refused");
            } else {
                assertThat(outcome(p.id())).isEqualTo("DELIVERED");
            }
        }
        assertThat(inInbox(List.of(badInbox.id()))).isZero();

        // the faults gone, once their wait is over: delivered, and only they
        counting.refused.clear();
        gateway.refused.clear();
        assertThat(dispatcher(counting, gateway).dispatch(later.plus(properties.retryAfter()))).isEqualTo(2);
        assertThat(outcome(badInbox.id())).isEqualTo("DELIVERED");
        assertThat(outcome(badSms.id())).isEqualTo("DELIVERED");
        assertThat(gateway.sends).hasSize(10).allSatisfy((id, n) -> assertThat(n.get()).isOne());
    }

    @Test
    void two_dispatchers_at_once_never_deliver_the_same_message() {
        Instant later = afterOthers();
        List<NotificationStore.Pending> backlog = backlog(3 * properties.batch(), later.minusSeconds(60));
        RecordingGateway gateway = new RecordingGateway();
        Dispatcher one = dispatcher(store, gateway);
        Dispatcher two = dispatcher(store, gateway);

        var first = CompletableFuture.supplyAsync(() -> one.dispatch(later));
        var second = CompletableFuture.supplyAsync(() -> two.dispatch(later));

        assertThat(first.join() + second.join()).isEqualTo(backlog.size());
        assertThat(backlog).allSatisfy(p -> assertThat(outcome(p.id())).isEqualTo("DELIVERED"));
        assertThat(gateway.sends).hasSize(3 * properties.batch()).allSatisfy((id, n) -> assertThat(n.get()).isOne());
    }
}
