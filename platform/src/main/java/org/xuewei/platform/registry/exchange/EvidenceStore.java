package org.xuewei.platform.registry.exchange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.policy.RegistrySource;
import org.xuewei.platform.registry.Evidence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Evidence snapshots in {@code registry.evidence}: who was looked up (keyed hash only), where, when, digest. A round's
 * answers are written in one statement.
 */
public final class EvidenceStore implements EvidenceKeeper {

    private final JdbcClient jdbc;

    public EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Evidence keep(ExchangeClient.Answer answer, RegistrySource registry, String operation, String subjectHash) {
        return keepAll(List.of(new Kept(answer, registry, operation, subjectHash))).get(0);
    }

    @Override
    public List<Evidence> keepAll(List<Kept> answers) {
        if (answers.isEmpty()) {
            return List.of();
        }
        List<Evidence> kept = new ArrayList<>(answers.size());
        StringBuilder sql = new StringBuilder("""
                insert into registry.evidence (id, registry, operation, subject_hash, outcome, source_department,
                                               record_time, fetched_at, sha256) values """);
        List<Object> params = new ArrayList<>(answers.size() * 9);
        for (Kept k : answers) {
            ExchangeClient.Answer a = k.answer();
            Evidence e = new Evidence(UUID.randomUUID(), k.registry(), k.operation(), a.sourceDepartment(), a.recordTime(),
                    a.fetchedAt(), a.sha256(), a.outcome());
            kept.add(e);
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.add(e.id());
            params.add(k.registry().name());
            params.add(k.operation());
            params.add(k.subjectHash());
            params.add(e.outcome().name());
            params.add(e.sourceDepartment());
            params.add(utc(e.recordTime()));
            params.add(utc(e.fetchedAt()));
            params.add(e.sha256());
        }
        jdbc.sql(sql.toString()).params(params).update();
        return kept;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
