package org.xuewei.platform.registry.exchange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.policy.RegistrySource;
import org.xuewei.platform.registry.Evidence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Evidence snapshots in {@code registry.evidence}: who was looked up (keyed hash only), where, when, digest. */
public final class EvidenceStore implements EvidenceKeeper {

    private final JdbcClient jdbc;

    public EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Evidence keep(ExchangeClient.Answer answer, RegistrySource registry, String operation, String subjectHash) {
        Evidence e = new Evidence(UUID.randomUUID(), registry, operation, answer.sourceDepartment(), answer.recordTime(),
                answer.fetchedAt(), answer.sha256(), answer.outcome());
        jdbc.sql("""
                        insert into registry.evidence (id, registry, operation, subject_hash, outcome, source_department,
                                                       record_time, fetched_at, sha256)
                        values (:id, :registry, :operation, :subject, :outcome, :department, :recordTime, :fetchedAt, :sha256)""")
                .param("id", e.id())
                .param("registry", registry.name())
                .param("operation", operation)
                .param("subject", subjectHash)
                .param("outcome", e.outcome().name())
                .param("department", e.sourceDepartment())
                .param("recordTime", e.recordTime() == null ? null : OffsetDateTime.ofInstant(e.recordTime(), ZoneOffset.UTC))
                .param("fetchedAt", OffsetDateTime.ofInstant(e.fetchedAt(), ZoneOffset.UTC))
                .param("sha256", e.sha256())
                .update();
        return e;
    }
}
