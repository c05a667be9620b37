package org.xuewei.platform.notification.internal;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuewei.platform.notification.InboxMessage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/** Outbox, inbox and contacts in schema {@code notification}. */
@Repository
public class NotificationStore {

    /** A message waiting in the outbox. */
    public record Pending(UUID id, Channel channel, String recipient, UUID subjectRef, String messageKey,
                          List<String> args, String freeText, Instant createdAt, int attempts) {
    }

    /** A message to put in the outbox. */
    public record Message(UUID id, Channel channel, String recipient, UUID subjectRef, String messageKey,
                          List<String> args, String freeText, Instant at) {
    }

    private static final String SEP = "\u001f";
    /** Messages per statement of {@link #enqueueAll}. */
    private static final int CHUNK = 10_000;

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void enqueue(UUID id, Channel channel, String recipient, UUID subjectRef, String key, List<String> args,
                        String freeText, Instant now) {
        jdbc.sql("""
                        insert into notification.outbox (id, channel, recipient, subject_ref, message_key, args, free_text, created_at)
                        values (:id, :channel, :recipient, :subject, :key, :args, :text, :now)""")
                .param("id", id).param("channel", channel.name()).param("recipient", recipient).param("subject", subjectRef)
                .param("key", key).param("args", String.join(SEP, args)).param("text", clip(freeText, 500))
                .param("now", ts(now)).update();
    }

    /** Many messages, one statement per ten thousand (arrays unnested by PostgreSQL), in the caller's transaction. */
    public void enqueueAll(List<Message> messages) {
        for (int start = 0; start < messages.size(); start += CHUNK) {
            List<Message> chunk = messages.subList(start, Math.min(messages.size(), start + CHUNK));
            int n = chunk.size();
            String[] ids = new String[n];
            String[] channels = new String[n];
            String[] recipients = new String[n];
            String[] subjects = new String[n];
            String[] keys = new String[n];
            String[] args = new String[n];
            String[] texts = new String[n];
            String[] times = new String[n];
            for (int i = 0; i < n; i++) {
                Message m = chunk.get(i);
                ids[i] = m.id().toString();
                channels[i] = m.channel().name();
                recipients[i] = m.recipient();
                subjects[i] = m.subjectRef() == null ? null : m.subjectRef().toString();
                keys[i] = m.messageKey();
                args[i] = String.join(SEP, m.args());
                texts[i] = clip(m.freeText(), 500);
                times[i] = m.at().toString();
            }
            jdbc.sql("""
                            insert into notification.outbox (id, channel, recipient, subject_ref, message_key, args, free_text,
                                created_at)
                            select cast(m.id as uuid), m.channel, m.recipient, cast(m.subject as uuid), m.key, m.args, m.text,
                                cast(m.at as timestamptz)
                            from unnest(:ids, :channels, :recipients, :subjects, :keys, :args, :texts, :times)
                                as m(id, channel, recipient, subject, key, args, text, at)""")
                    .param("ids", ids).param("channels", channels).param("recipients", recipients)
                    .param("subjects", subjects).param("keys", keys).param("args", args).param("texts", texts)
                    .param("times", times).update();
        }
    }

    /**
     * Takes up to {@code limit} due messages for {@code lease}: a dispatcher that dies before marking them leaves
     * them to be taken again once the lease ends (at least once).
     */
    public List<Pending> claim(int limit, Instant now, Instant leaseEnd) {
        return jdbc.sql("""
                        update notification.outbox set claimed_until = :leaseEnd, attempts = attempts + 1
                        where id in (select id from notification.outbox
                                     where delivered_at is null and (claimed_until is null or claimed_until <= :now)
                                     order by created_at limit :limit for update skip locked)
                        returning id, channel, recipient, subject_ref, message_key, args, free_text, created_at, attempts""")
                .param("leaseEnd", ts(leaseEnd)).param("now", ts(now)).param("limit", limit)
                .query(NotificationStore::pending).list();
    }

    /** The encrypted phones of these recipients, by recipient (none for those without one): one query. */
    public Map<String, String> phoneCiphers(Collection<String> recipients) {
        Map<String, String> ciphers = new HashMap<>();
        if (!recipients.isEmpty()) {
            jdbc.sql("select recipient, phone_cipher from notification.contact where recipient = any(cast(:r as char(64)[]))")
                    .param("r", recipients.toArray(String[]::new))
                    .query((RowCallbackHandler) rs -> ciphers.put(rs.getString(1), rs.getString(2)));
        }
        return ciphers;
    }

    /**
     * These outbox messages into the inbox, in one insert keyed by the delivery id (a repeated delivery is a no-op).
     *
     * @return the delivery ids inserted now (the others were in the inbox already)
     */
    public Set<UUID> deliverToInbox(Collection<UUID> ids) {
        return new HashSet<>(jdbc.sql("""
                        insert into notification.inbox (delivery_id, recipient, subject_ref, message_key, args, free_text, created_at)
                        select id, recipient, subject_ref, message_key, args, free_text, created_at
                        from notification.outbox where id = any(cast(:ids as uuid[]))
                        on conflict (delivery_id) do nothing
                        returning delivery_id""")
                .param("ids", uuids(ids)).query(UUID.class).list());
    }

    /** Marks delivered, each with its outcome: one update. */
    public void delivered(Map<UUID, String> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update notification.outbox o set delivered_at = :now, outcome = m.outcome, last_error = null
                        from unnest(cast(:ids as uuid[]), cast(:outcomes as varchar[])) as m(id, outcome) where o.id = m.id""")
                .param("ids", uuids(outcomes.keySet())).param("outcomes", outcomes.values().toArray(String[]::new))
                .param("now", ts(now)).update();
    }

    /** Failed attempts, each with its error: left alone until {@code retryAt}, then taken again. One update. */
    public void failed(Map<UUID, String> errors, Instant retryAt) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update notification.outbox o set claimed_until = :retry, last_error = m.error
                        from unnest(cast(:ids as uuid[]), cast(:errors as varchar[])) as m(id, error) where o.id = m.id""")
                .param("ids", uuids(errors.keySet()))
                .param("errors", errors.values().stream().map(e -> clip(e, 500)).toArray(String[]::new))
                .param("retry", ts(retryAt)).update();
    }

    public List<InboxMessage> inbox(String recipient, int limit) {
        return jdbc.sql("""
                        select delivery_id, subject_ref, message_key, args, free_text, created_at, read_at
                        from notification.inbox where recipient = :recipient order by created_at desc, delivery_id limit :limit""")
                .param("recipient", recipient).param("limit", limit)
                .query((rs, n) -> new InboxMessage(rs.getObject("delivery_id", UUID.class),
                        rs.getObject("subject_ref", UUID.class), rs.getString("message_key"), args(rs.getString("args")),
                        rs.getString("free_text"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("read_at") != null))
                .list();
    }

    public long unread(String recipient) {
        return jdbc.sql("select count(*) from notification.inbox where recipient = :recipient and read_at is null")
                .param("recipient", recipient).query(Long.class).single();
    }

    public void markRead(String recipient, Instant now) {
        jdbc.sql("update notification.inbox set read_at = :now where recipient = :recipient and read_at is null")
                .param("recipient", recipient).param("now", ts(now)).update();
    }

    public void saveContact(String recipient, String phoneCipher, Instant now) {
        jdbc.sql("""
                        insert into notification.contact (recipient, phone_cipher, updated_at) values (:recipient, :cipher, :now)
                        on conflict (recipient) do update set phone_cipher = excluded.phone_cipher, updated_at = excluded.updated_at""")
                .param("recipient", recipient).param("cipher", phoneCipher).param("now", ts(now)).update();
    }

    public void deleteContact(String recipient) {
        jdbc.sql("delete from notification.contact where recipient = :recipient").param("recipient", recipient).update();
    }

    public Optional<String> phoneCipher(String recipient) {
        return jdbc.sql("select phone_cipher from notification.contact where recipient = :recipient")
                .param("recipient", recipient).query(String.class).optional();
    }

    private static Pending pending(ResultSet rs, int n) throws SQLException {
        return new Pending(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                rs.getObject("subject_ref", UUID.class), rs.getString("message_key"), args(rs.getString("args")),
                rs.getString("free_text"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts"));
    }

    private static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static List<String> args(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEP, -1));
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
