package org.xuewei.platform.audit;

import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.GroupCommit;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tamper-evident audit log (审计日志). Rows are only ever appended, each hashed together with its
 * predecessor's hash in its chain; {@link #verify()} re-computes every chain. Appends join the caller's transaction,
 * so a command and its audit event commit or roll back together.
 * <p>
 * The log is {@value #CHAINS} independent hash chains, in two halves by writer: events appended in a caller's
 * transaction (commands, the submissions' {@link #recordAll}) go to chains 0–31, events recorded outside a transaction
 * (appended by this log's own writer thread, {@link GroupCommit}) to chains 32–63. Within its half a row's chain
 * follows from its actor ({@link #chainOf}), so one actor's events stay in order in each of its two chains, and only
 * writers of the same chain wait for each other (each holds its chain's row in {@code audit.chain_head}, which keeps
 * the chain's last hash, until its transaction commits). With a single chain every audited command in the city queued
 * on one lock; with one set of chains for both halves, the submission writer and the check's audit writer, each
 * locking most chains in every batch, waited for each other's commit (docs/performance.md, docs/decisions.md P5).
 * Events recorded outside a transaction, and the submissions' events ({@link #recordAll}), are appended many at a
 * time: one lock statement and one insert for all of them.
 */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    /** How many independent chains; fixed (a row's chain follows from its actor and its writer). */
    public static final int CHAINS = 64;

    /**
     * The first chain of the events recorded outside a transaction ({@link GroupCommit}): chains {@value} and up are
     * appended only by this log's own writer thread, never by a caller's transaction.
     */
    static final int GROUPED = 32;

    /** Events many at a time outside a transaction (the views of a check, a listing) are appended together. */
    static final int BATCH = 64;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final GroupCommit<AuditEntry, AuditRecord> alone;

    AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        TransactionTemplate tx = new TransactionTemplate(transactions);
        this.alone = new GroupCommit<>("audit", BATCH, entries -> tx.execute(status -> append(entries, GROUPED)));
    }

    @PreDestroy
    void close() {
        alone.close();
    }

    /**
     * Appends one event. In the caller's transaction when there is one (it commits or rolls back with it); else it is
     * written with the other events handed in at the same moment, in one transaction ({@link GroupCommit}), and this
     * returns once that committed.
     */
    public AuditRecord record(AuditEntry entry) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return append(List.of(entry), 0).get(0);
        }
        return alone.write(entry);
    }

    /**
     * Appends many events at once, in order, in the caller's transaction (or one of their own): each chain involved
     * is locked once, all chains in one statement and in chain order (so two bulk writers never wait for each other
     * in a cycle), the hashes are computed here, and the rows and the chains' new heads are written by one statement.
     */
    @Transactional
    public List<AuditRecord> recordAll(List<AuditEntry> entries) {
        return append(entries, 0);
    }

    /** Appends to the chains from {@code first} on: 0 in a caller's transaction, {@link #GROUPED} for this log's writer. */
    private List<AuditRecord> append(List<AuditEntry> entries, int first) {
        if (entries.isEmpty()) {
            return List.of();
        }
        int n = entries.size();
        TreeSet<Integer> involved = new TreeSet<>();
        for (AuditEntry e : entries) {
            involved.add(first + chainOf(e.actor()));
        }
        // one writer at a time extends a chain: the row locks end with the transaction, and a writer that waited for
        // them reads the hashes its predecessor committed (read committed re-reads a row it had to wait for)
        Map<Integer, String> heads = new HashMap<>();
        jdbc.sql("select chain, hash from audit.chain_head where chain = any(:chains) order by chain for update")
                .param("chains", involved.toArray(Integer[]::new))
                .query(rs -> {
                    heads.put(rs.getInt("chain"), rs.getString("hash"));
                });
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String at = now.toString();
        Integer[] chains = new Integer[n];
        String[] actors = new String[n];
        String[] actions = new String[n];
        String[] subjects = new String[n];
        String[] ips = new String[n];
        String[] details = new String[n];
        String[] prevs = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            AuditEntry e = entries.get(i);
            int chain = first + chainOf(e.actor());
            String prev = heads.get(chain);
            String hash = hash(prev, now, e);
            heads.put(chain, hash);
            chains[i] = chain;
            actors[i] = e.actor();
            actions[i] = e.action();
            subjects[i] = e.subject();
            ips[i] = e.clientIp();
            details[i] = e.detail();
            prevs[i] = prev;
            hashes[i] = hash;
        }
        Integer[] headChains = heads.keySet().toArray(Integer[]::new);
        String[] headHashes = new String[headChains.length];
        for (int i = 0; i < headChains.length; i++) {
            headHashes[i] = heads.get(headChains[i]);
        }
        // rows are inserted in the arrays' order, so within a chain the ids follow the chain
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                        with head as (
                            update audit.chain_head h set hash = u.hash from unnest(:headChains, :headHashes) as u(chain, hash)
                            where h.chain = u.chain)
                        insert into audit.audit_event (chain, occurred_at, actor, action, subject, client_ip, detail, prev_hash, hash)
                        select u.chain, cast(:occurredAt as timestamptz), u.actor, u.action, u.subject, u.client_ip, u.detail,
                               u.prev_hash, u.hash
                        from unnest(:chains, :actors, :actions, :subjects, :ips, :details, :prevs, :hashes)
                             as u(chain, actor, action, subject, client_ip, detail, prev_hash, hash)
                        returning id, hash""")
                .param("headChains", headChains).param("headHashes", headHashes)
                .param("occurredAt", at)
                .param("chains", chains).param("actors", actors).param("actions", actions).param("subjects", subjects)
                .param("ips", ips).param("details", details).param("prevs", prevs).param("hashes", hashes)
                .query(rs -> {
                    ids.put(rs.getString("hash"), rs.getLong("id"));
                });
        List<AuditRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(new AuditRecord(ids.get(hashes[i]), now, entries.get(i), prevs[i], hashes[i], chains[i]));
        }
        return records;
    }

    /**
     * The chain of an actor's events appended in a transaction (0–31); those recorded outside one are in chain
     * {@link #GROUPED} + this. {@code String.hashCode} is fixed by the language, so this never changes.
     */
    public static int chainOf(String actor) {
        return Math.floorMod(actor == null ? 0 : actor.hashCode(), GROUPED);
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
