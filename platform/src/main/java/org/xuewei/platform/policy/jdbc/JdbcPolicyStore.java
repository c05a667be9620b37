package org.xuewei.platform.policy.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyEvaluator;
import org.xuewei.platform.policy.PolicyProblem;
import org.xuewei.platform.policy.PolicyRef;
import org.xuewei.platform.policy.PolicyStore;
import org.xuewei.platform.policy.PolicyValidationException;
import org.xuewei.platform.policy.PolicyVersionPublished;
import org.xuewei.platform.policy.json.PolicyJson;

/**
 * {@link PolicyStore} in PostgreSQL: {@code policy.policy_draft} (one row per policy id) and
 * {@code policy.policy_version} (append-only, refused updates and deletes by a trigger). Policies are stored as
 * their canonical JSON; the content hash is re-checked on read.
 */
@Repository
class JdbcPolicyStore implements PolicyStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    JdbcPolicyStore(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    public void saveDraft(Policy policy, String savedBy) {
        List<PolicyProblem> problems = PolicyEvaluator.validate(policy);
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        jdbc.sql("""
                        insert into policy.policy_draft (policy_id, district, season, document, saved_by, saved_at)
                        values (:id, :district, :season, cast(:document as jsonb), :savedBy, :savedAt)
                        on conflict (policy_id) do update set district = excluded.district, season = excluded.season,
                            document = excluded.document, saved_by = excluded.saved_by, saved_at = excluded.saved_at""")
                .param("id", policy.id())
                .param("district", policy.district())
                .param("season", policy.season())
                .param("document", PolicyJson.write(policy))
                .param("savedBy", savedBy == null ? "" : savedBy)
                .param("savedAt", now())
                .update();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Policy> draft(String policyId) {
        return jdbc.sql("select document::text from policy.policy_draft where policy_id = :id")
                .param("id", policyId)
                .query(String.class).optional().map(PolicyJson::read);
    }

    @Override
    @Transactional
    public Published publish(String policyId, String requestedBy, String approvedBy) {
        PolicyStore.checkApproval(requestedBy, approvedBy);
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('policy.policy_version:' || :id))) as locked")
                .param("id", policyId).query(Integer.class).single();
        Policy draft = draft(policyId).orElseThrow(() -> new IllegalStateException("没有待发布的草稿：" + policyId));
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from policy.policy_version where policy_id = :id")
                .param("id", policyId).query(Integer.class).single();
        String json = PolicyJson.write(draft);
        var ref = new PolicyRef(policyId, version, PolicyJson.hash(draft));
        OffsetDateTime at = now();
        jdbc.sql("""
                        insert into policy.policy_version (policy_id, version, district, season, document, content_hash,
                                                           requested_by, approved_by, published_at)
                        values (:id, :version, :district, :season, cast(:document as jsonb), :hash, :requestedBy,
                                :approvedBy, :at)""")
                .param("id", policyId)
                .param("version", version)
                .param("district", draft.district())
                .param("season", draft.season())
                .param("document", json)
                .param("hash", ref.contentHash())
                .param("requestedBy", requestedBy)
                .param("approvedBy", approvedBy)
                .param("at", at)
                .update();
        jdbc.sql("delete from policy.policy_draft where policy_id = :id").param("id", policyId).update();
        events.publishEvent(new PolicyVersionPublished(ref));
        return new Published(ref, draft, requestedBy, approvedBy, at.toInstant());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Published> latest(String policyId) {
        return jdbc.sql(SELECT + " where policy_id = :id order by version desc limit 1")
                .param("id", policyId).query(JdbcPolicyStore::row).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Published> version(String policyId, int version) {
        return jdbc.sql(SELECT + " where policy_id = :id and version = :version")
                .param("id", policyId).param("version", version).query(JdbcPolicyStore::row).optional();
    }

    private static final String SELECT = """
            select policy_id, version, document::text as document, content_hash, requested_by, approved_by, published_at
            from policy.policy_version""";

    private static Published row(ResultSet rs, int n) throws SQLException {
        Policy policy = PolicyJson.read(rs.getString("document"));
        String hash = rs.getString("content_hash");
        if (!PolicyJson.hash(policy).equals(hash)) {
            throw new IllegalStateException("policy version " + rs.getString("policy_id") + " v" + rs.getInt("version")
                    + " does not match its content hash");
        }
        return new Published(new PolicyRef(rs.getString("policy_id"), rs.getInt("version"), hash), policy,
                rs.getString("requested_by"), rs.getString("approved_by"),
                rs.getObject("published_at", OffsetDateTime.class).toInstant());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
