package org.xuewei.platform.notification.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuewei.platform.notification.InboxMessage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
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

    public void delivered(UUID id, String outcome, Instant now) {
        jdbc.sql("update notification.outbox set delivered_at = :now, outcome = :outcome, last_error = null where id = :id")
                .param("id", id).param("now", ts(now)).param("outcome", outcome).update();
    }

    /** A failed attempt: retried after {@code retryAt}. */
    public void failed(UUID id, String error, Instant retryAt) {
        jdbc.sql("update notification.outbox set claimed_until = :retry, last_error = :error where id = :id")
                .param("id", id).param("retry", ts(retryAt)).param("error", clip(error, 500)).update();
    }

    /** @return false when this delivery id is already in the inbox */
    public boolean deliverToInbox(Pending p, Instant now) {
        return jdbc.sql("""
                        insert into notification.inbox (delivery_id, recipient, subject_ref, message_key, args, free_text, created_at)
                        values (:id, :recipient, :subject, :key, :args, :text, :created)
                        on conflict (delivery_id) do nothing""")
                .param("id", p.id()).param("recipient", p.recipient()).param("subject", p.subjectRef())
                .param("key", p.messageKey()).param("args", String.join(SEP, p.args())).param("text", p.freeText())
                .param("created", ts(p.createdAt()))
                .update() == 1;
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
