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
 * predecessor's hash in its chain; {@link #verify()} re-computes every chain. Appends join the caller's transaction,
 * so a command and its audit event commit or roll back together.
 * <p>
 * The log is {@value #CHAINS} independent hash chains: a row belongs to the chain of its actor ({@link #chainOf}),
 * so one actor's events stay in order in one chain, and only writers of the same chain wait for each other (each
 * holds its chain's row in {@code audit.chain_head}, which keeps the chain's last hash, until its transaction
 * commits). With a single chain every audited command in the city queued on one lock (measured at 200 concurrent submissions, docs/performance.md).
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    /** How many independent chains; fixed (a row's chain follows from its actor). */
    public static final int CHAINS = 32;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public AuditRecord record(AuditEntry entry) {
        int chain = chainOf(entry.actor());
        // one writer at a time extends a chain: the row lock ends with the transaction, and a writer that waited for it
        // reads the hash its predecessor committed (read committed re-reads a row it had to wait for)
        String prevHash = jdbc.sql("select hash from audit.chain_head where chain = :chain for update")
                .param("chain", chain).query(String.class).single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = hash(prevHash, now, entry);
        long id = jdbc.sql("""
                        with head as (update audit.chain_head set hash = :hash where chain = :chain)
                        insert into audit.audit_event (chain, occurred_at, actor, action, subject, client_ip, detail, prev_hash, hash)
                        values (:chain, :occurredAt, :actor, :action, :subject, :clientIp, :detail, :prevHash, :hash)
                        returning id""")
                .param("chain", chain)
                .param("occurredAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("subject", entry.subject())
                .param("clientIp", entry.clientIp())
                .param("detail", entry.detail())
                .param("prevHash", prevHash)
                .param("hash", hash)
                .query(Long.class).single();
        return new AuditRecord(id, now, entry, prevHash, hash, chain);
    }

    /** The chain of an actor's events: {@code String.hashCode} is fixed by the language, so this never changes. */
    public static int chainOf(String actor) {
        return Math.floorMod(actor == null ? 0 : actor.hashCode(), CHAINS);
    }

    /** The newest rows first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> latest(int limit) {
        return jdbc.sql("""
                        select id, chain, occurred_at, actor, action, subject, client_ip, detail, prev_hash, hash
                        from audit.audit_event order by id desc limit :limit""")
                .param("limit", Math.max(0, Math.min(limit, 1000)))
                .query(AuditLog::row).list();
    }

    /**
     * Re-computes every row's hash from its predecessor in its chain, oldest first, chain by chain (a row moved to
     * another chain no longer follows its new predecessor, nor does its old successor). The first broken row (lowest
     * id) is reported. Rows written before the log had chains are chain 0's beginning.
     */
    @Transactional(readOnly = true)
    public ChainCheck verify() {
        String[] expectedPrev = new String[CHAINS];
        java.util.Arrays.fill(expectedPrev, GENESIS);
        long[] checked = {0};
        Long[] firstBroken = {null};
        jdbc.sql("""
                        select id, chain, occurred_at, actor, action, subject, client_ip, detail, prev_hash, hash
                        from audit.audit_event order by chain, id""")
                .query(rs -> {
                    AuditRecord row = row(rs, 0);
                    checked[0]++;
                    int c = row.chain();
                    boolean ok = c >= 0 && c < CHAINS
                            && row.prevHash().equals(expectedPrev[c])
                            && row.hash().equals(hash(row.prevHash(), row.occurredAt(), row.entry()));
                    if (!ok && (firstBroken[0] == null || row.id() < firstBroken[0])) {
                        firstBroken[0] = row.id();
                    }
                    if (c >= 0 && c < CHAINS) {
                        expectedPrev[c] = row.hash();
                    }
                });
        return new ChainCheck(checked[0], firstBroken[0]);
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
        return new AuditRecord(rs.getLong("id"), occurredAt, entry, rs.getString("prev_hash"), rs.getString("hash"),
                rs.getInt("chain"));
    }
}
