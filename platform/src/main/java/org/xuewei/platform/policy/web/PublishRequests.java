package org.xuewei.platform.policy.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 发布申请 — at most one pending request per policy, naming the draft by its content hash. */
@Repository
class PublishRequests {

    /** A pending request: the draft with this hash, asked for by this administrator. */
    record Request(String policyId, String contentHash, String requestedBy, Instant requestedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PublishRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Request> find(String policyId) {
        return jdbc.sql("""
                        select policy_id, content_hash, requested_by, requested_at
                        from policy.publish_request where policy_id = :id""")
                .param("id", policyId)
                .query((rs, n) -> new Request(rs.getString("policy_id"), rs.getString("content_hash"),
                        rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    void put(String policyId, String contentHash, String requestedBy) {
        jdbc.sql("""
                        insert into policy.publish_request (policy_id, content_hash, requested_by, requested_at)
                        values (:id, :hash, :by, :at)
                        on conflict (policy_id) do update set content_hash = excluded.content_hash,
                            requested_by = excluded.requested_by, requested_at = excluded.requested_at""")
                .param("id", policyId)
                .param("hash", contentHash)
                .param("by", requestedBy)
                .param("at", OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                .update();
    }

    boolean remove(String policyId) {
        return jdbc.sql("delete from policy.publish_request where policy_id = :id").param("id", policyId).update() > 0;
    }
}
