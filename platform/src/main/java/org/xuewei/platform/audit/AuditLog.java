package org.xuewei.platform.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The tamper-evident audit log (审计日志). Rows are only ever appended, each hashed together with its
 * predecessor's hash; {@link #verify()} re-computes the chain. Appends join the caller's transaction,
 * so a command and its audit event commit or roll back together.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public AuditRecord record(AuditEntry entry) {
        // one writer at a time extends the chain; the lock ends with the transaction
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('audit.audit_event'))) as locked")
                .query(Integer.class).single();
        String prevHash = jdbc.sql("select hash from audit.audit_event order by id desc limit 1")
                .query(String.class).optional().orElse(GENESIS);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(prevHash, now, entry);
        long id = jdbc.sql("""
                        insert into audit.audit_event (occurred_at, actor, action, subject, client_ip, detail, prev_hash, hash)
                        values (:occurredAt, :actor, :action, :subject, :clientIp, :detail, :prevHash, :hash)
                        returning id""")
                .param("occurredAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("subject", entry.subject())
                .param("clientIp", entry.clientIp())
                .param("detail", entry.detail())
                .param("prevHash", prevHash)
                .param("hash", hash)
                .query(Long.class).single();
        return new AuditRecord(id, now, entry, prevHash, hash);
    }

    /** The newest rows first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> latest(int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, subject, client_ip, detail, prev_hash, hash
                        from audit.audit_event order by id desc limit :limit""")
                .param("limit", Math.max(0, Math.min(limit, 1000)))
                .query(AuditLog::row).list();
    }

    /** Re-computes every row's hash from its predecessor, oldest first. */
    @Transactional(readOnly = true)
    public ChainCheck verify() {
        List<AuditRecord> rows = jdbc.sql("""
                        select id, occurred_at, actor, action, subject, client_ip, detail, prev_hash, hash
                        from audit.audit_event order by id""")
                .query(AuditLog::row).list();
        String expectedPrev = GENESIS;
        for (AuditRecord row : rows) {
            if (!row.prevHash().equals(expectedPrev)
                    || !row.hash().equals(hash(row.prevHash(), row.occurredAt(), row.entry()))) {
                return new ChainCheck(rows.size(), row.id());
            }
            expectedPrev = row.hash();
        }
        return new ChainCheck(rows.size(), null);
    }

    static String hash(String prevHash, Instant occurredAt, AuditEntry entry) {
        String text = String.join("\u001f", prevHash, occurredAt.toString(), entry.actor(), entry.action(),
                entry.subject(), entry.clientIp(), entry.detail());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static AuditRecord row(ResultSet rs, int rowNum) throws SQLException {
        AuditEntry entry = new AuditEntry(rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                rs.getString("client_ip"), rs.getString("detail"));
        Instant occurredAt = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
        return new AuditRecord(rs.getLong("id"), occurredAt, entry, rs.getString("prev_hash"), rs.getString("hash"));
    }
}
