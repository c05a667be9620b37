package org.xuewei.platform.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.PlatformTest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PlatformTest
class AuditLogTests {

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void each_event_is_chained_to_the_previous_one() {
        AuditRecord first = audit.record(new AuditEntry("audit-test", "audit.test.first", "x", "127.0.0.1", ""));
        AuditRecord second = audit.record(new AuditEntry("audit-test", "audit.test.second", "y", "", "detail"));
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isEqualTo(AuditLog.hash(first.hash(), second.occurredAt(), second.entry()));
        assertThat(audit.verify().intact()).isTrue();
        assertThat(audit.latest(1).get(0).hash()).isEqualTo(second.hash());
    }

    @Test
    void the_table_refuses_updates_and_deletes() {
        audit.record(new AuditEntry("audit-test", "audit.test.protected", "", "", ""));
        assertThatThrownBy(() -> jdbc.sql("update audit.audit_event set actor = 'mallory'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_event").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void a_changed_field_changes_the_hash() {
        AuditEntry entry = new AuditEntry("a", "b.c", "", "", "");
        Instant now = Instant.parse("2026-07-15T01:00:00Z");
        assertThat(AuditLog.hash(AuditLog.GENESIS, now, entry))
                .isNotEqualTo(AuditLog.hash(AuditLog.GENESIS, now, new AuditEntry("a", "b.c", "", "", "x")))
                .hasSize(64);
    }

    @Test
    void each_actor_has_its_chain_and_other_actors_do_not_interleave_it() {
        String a = "audit-chain-a";
        String b = actorInAnotherChainThan(a);
        AuditRecord a1 = audit.record(new AuditEntry(a, "audit.test.chain", "1", "", ""));
        AuditRecord b1 = audit.record(new AuditEntry(b, "audit.test.chain", "2", "", ""));
        AuditRecord a2 = audit.record(new AuditEntry(a, "audit.test.chain", "3", "", ""));
        // recorded outside a transaction: in the chains of the log's own writer
        assertThat(a1.chain()).isEqualTo(AuditLog.GROUPED + AuditLog.chainOf(a)).isEqualTo(a2.chain()).isNotEqualTo(b1.chain());
        assertThat(a2.prevHash()).as("a's next event follows a's last, not b's").isEqualTo(a1.hash());
        assertThat(b1.prevHash()).isNotEqualTo(a1.hash());
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void concurrent_writers_keep_every_chain_intact() throws Exception {
        long before = jdbc.sql("select count(*) from audit.audit_event").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        // actors shared by threads too: the same chain written from several threads at once
                        audit.record(new AuditEntry("audit-concurrent-" + (i % 5), "audit.test.concurrent", thread + "-" + i, "", ""));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ChainCheck check = audit.verify();
        assertThat(check.intact()).isTrue();
        assertThat(check.checked()).isGreaterThanOrEqualTo(before + 120);
    }

    @Test
    void bulk_appends_from_many_threads_at_once_keep_every_chain_intact() throws Exception {
        long before = jdbc.sql("select count(*) from audit.audit_event").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<AuditRecord> written = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        // many chains per batch, in no particular order, several entries of the same chain in one batch
                        List<AuditEntry> batch = new ArrayList<>();
                        for (int i = 0; i < 8; i++) {
                            batch.add(new AuditEntry("audit-bulk-" + ((thread * 7 + round * 3 + i * 5) % 40),
                                    "audit.test.bulk", thread + "-" + round + "-" + i, "", ""));
                        }
                        if (thread % 3 == 0) {
                            // one at a time outside a transaction (written together with other threads' events)
                            batch.forEach(e -> written.add(audit.record(e)));
                        } else {
                            written.addAll(audit.recordAll(batch));
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ChainCheck check = audit.verify();
        assertThat(check.intact()).isTrue();
        assertThat(check.checked()).isGreaterThanOrEqualTo(before + 12 * 10 * 8);
        assertThat(written).hasSize(12 * 10 * 8);
        // what each caller got back is what was stored
        for (AuditRecord r : written) {
            assertThat(jdbc.sql("select hash from audit.audit_event where id = :id").param("id", r.id())
                    .query(String.class).single()).isEqualTo(r.hash());
            assertThat(r.chain() % AuditLog.GROUPED).isEqualTo(AuditLog.chainOf(r.entry().actor()));
        }
    }

    @Test
    void a_bulk_append_chains_its_entries_in_order_and_rolls_back_whole() {
        List<AuditRecord> rows = audit.recordAll(List.of(
                new AuditEntry("audit-bulk-order", "audit.test.bulk-order", "1", "", ""),
                new AuditEntry(actorInAnotherChainThan("audit-bulk-order"), "audit.test.bulk-order", "2", "", ""),
                new AuditEntry("audit-bulk-order", "audit.test.bulk-order", "3", "", "")));
        assertThat(rows.get(2).prevHash()).isEqualTo(rows.get(0).hash());
        assertThat(rows.get(2).id()).isGreaterThan(rows.get(0).id());
        String head = jdbc.sql("select hash from audit.chain_head where chain = :c").param("c", rows.get(2).chain())
                .query(String.class).single();
        assertThat(head).isEqualTo(rows.get(2).hash());
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            audit.recordAll(List.of(new AuditEntry("audit-bulk-order", "audit.test.bulk-order", "4", "", ""),
                    new AuditEntry("audit-bulk-order", "audit.test.bulk-order", "5", "", "")));
            throw new IllegalStateException("the command failed");
        })).hasMessage("the command failed");
        assertThat(jdbc.sql("select hash from audit.chain_head where chain = :c").param("c", rows.get(2).chain())
                .query(String.class).single()).isEqualTo(head);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'audit.test.bulk-order'")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void an_event_outside_a_transaction_does_not_wait_for_a_transaction_appending_to_its_actors_chain() throws Exception {
        String actor = "audit-two-writers";
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                // a submission batch's entries, not yet committed: its chain's head stays locked until the commit
                AuditRecord inTransaction = audit.recordAll(List.of(new AuditEntry(actor, "audit.test.writers", "1", "", ""))).get(0);
                assertThat(inTransaction.chain()).isEqualTo(AuditLog.chainOf(actor));
                Future<AuditRecord> outside = other.submit(() -> audit.record(new AuditEntry(actor, "audit.test.writers", "2", "", "")));
                try {
                    AuditRecord grouped = outside.get(30, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(grouped.chain()).isEqualTo(AuditLog.GROUPED + AuditLog.chainOf(actor));
                    assertThat(grouped.prevHash()).isNotEqualTo(inTransaction.hash());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("the event outside the transaction waited for the transaction's chain lock", e);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            other.shutdownNow();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void the_chain_head_keeps_each_chains_last_hash() {
        AuditRecord a = audit.record(new AuditEntry("audit-head-a", "audit.test.head", "1", "", ""));
        AuditRecord b = audit.record(new AuditEntry("audit-head-a", "audit.test.head", "2", "", ""));
        assertThat(b.prevHash()).isEqualTo(a.hash());
        assertThat(jdbc.sql("select hash from audit.chain_head where chain = :c").param("c", b.chain())
                .query(String.class).single()).isEqualTo(b.hash());
        assertThat(jdbc.sql("select hash from audit.audit_event where chain = :c order by id desc limit 1")
                .param("c", b.chain()).query(String.class).single()).isEqualTo(b.hash());
        // a write that rolls back leaves the head where it was
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            audit.record(new AuditEntry("audit-head-a", "audit.test.head", "3", "", ""));
            throw new IllegalStateException("the command failed");
        })).hasMessage("the command failed");
        assertThat(jdbc.sql("select hash from audit.chain_head where chain = :c").param("c", b.chain())
                .query(String.class).single()).isEqualTo(b.hash());
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void a_row_that_does_not_follow_its_chain_is_found() {
        AuditRecord last = audit.record(new AuditEntry("audit-forger", "audit.test.genuine", "", "", ""));
        Instant at = Instant.parse("2026-07-15T01:00:00Z");
        AuditEntry forged = new AuditEntry("audit-forger", "audit.test.forged", "", "", "");
        // a self-consistent row (its hash matches its fields) that skips its chain's real tail, kept only in a
        // transaction rolled back after the check
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            long id = insert(last.chain(), at, forged, AuditLog.GENESIS, AuditLog.hash(AuditLog.GENESIS, at, forged));
            assertThat(audit.verify().firstBrokenId()).isEqualTo(id);
            tx.setRollbackOnly();
        });
        // the real tail's hash, but moved into another chain
        int other = AuditLog.chainOf(actorInAnotherChainThan("audit-forger"));
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            long id = insert(other, at, forged, last.hash(), AuditLog.hash(last.hash(), at, forged));
            assertThat(audit.verify().firstBrokenId()).isEqualTo(id);
            tx.setRollbackOnly();
        });
        assertThat(audit.verify().intact()).isTrue();
    }

    private long insert(int chain, Instant at, AuditEntry e, String prevHash, String hash) {
        return jdbc.sql("""
                        insert into audit.audit_event (chain, occurred_at, actor, action, subject, client_ip, detail, prev_hash, hash)
                        values (:chain, :at, :actor, :action, :subject, :ip, :detail, :prev, :hash) returning id""")
                .param("chain", chain).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("actor", e.actor())
                .param("action", e.action()).param("subject", e.subject()).param("ip", e.clientIp()).param("detail", e.detail())
                .param("prev", prevHash).param("hash", hash).query(Long.class).single();
    }

    private static String actorInAnotherChainThan(String actor) {
        for (int i = 0; ; i++) {
            String other = "audit-other-" + i;
            if (AuditLog.chainOf(other) != AuditLog.chainOf(actor)) {
                return other;
            }
        }
    }
}
