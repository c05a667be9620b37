package org.xuewei.platform.review.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rejection proposals, decisions and supplements in schema {@code review}. */
@Repository
public class ReviewStore {

    public record Proposal(UUID applicationId, String reason, String proposedBy, Instant proposedAt) {
    }

    public record Decision(String kind, String actor, String confirmedBy, String categoryCode, String message,
                           Instant decidedAt) {
    }

    public record Supplement(UUID id, UUID applicationId, String fileName, String mediaType, int size, String sha256,
                             String uploadedBy, Instant uploadedAt) {
    }

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when a proposal is already open */
    public boolean propose(UUID applicationId, String district, String reason, String actor, Instant now) {
        return jdbc.sql("""
                        insert into review.rejection_proposal (application_id, district_code, reason, proposed_by, proposed_at)
                        values (:id, :district, :reason, :actor, :now) on conflict (application_id) do nothing""")
                .param("id", applicationId).param("district", district).param("reason", reason).param("actor", actor)
                .param("now", ts(now)).update() == 1;
    }

    public Optional<Proposal> proposal(UUID applicationId) {
        return jdbc.sql("select application_id, reason, proposed_by, proposed_at from review.rejection_proposal where application_id = :id")
                .param("id", applicationId)
                .query((rs, n) -> new Proposal(rs.getObject("application_id", UUID.class), rs.getString("reason"),
                        rs.getString("proposed_by"), rs.getObject("proposed_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The open proposal, removed (under the row lock, so two confirmations cannot both take it). */
    public Optional<Proposal> takeProposal(UUID applicationId) {
        return jdbc.sql("""
                        delete from review.rejection_proposal where application_id = :id
                        returning application_id, reason, proposed_by, proposed_at""")
                .param("id", applicationId)
                .query((rs, n) -> new Proposal(rs.getObject("application_id", UUID.class), rs.getString("reason"),
                        rs.getString("proposed_by"), rs.getObject("proposed_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    public void record(UUID applicationId, String district, String kind, String actor, String confirmedBy,
                       String category, String message, Instant now) {
        jdbc.sql("""
                        insert into review.decision (application_id, district_code, kind, actor, confirmed_by, category_code, message, decided_at)
                        values (:id, :district, :kind, :actor, :confirmedBy, :category, :message, :now)""")
                .param("id", applicationId).param("district", district).param("kind", kind).param("actor", actor)
                .param("confirmedBy", confirmedBy).param("category", category).param("message", message == null ? "" : message)
                .param("now", ts(now)).update();
    }

    public List<Decision> decisions(UUID applicationId) {
        return jdbc.sql("""
                        select kind, actor, confirmed_by, category_code, message, decided_at from review.decision
                        where application_id = :id order by id""")
                .param("id", applicationId)
                .query((rs, n) -> new Decision(rs.getString("kind"), rs.getString("actor"), rs.getString("confirmed_by"),
                        rs.getString("category_code"), rs.getString("message"),
                        rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The latest supplement request's message. */
    public Optional<String> supplementMessage(UUID applicationId) {
        return jdbc.sql("""
                        select message from review.decision where application_id = :id and kind = 'SUPPLEMENT_REQUESTED'
                        order by id desc limit 1""")
                .param("id", applicationId).query(String.class).optional();
    }

    public void saveSupplement(Supplement s, byte[] content) {
        jdbc.sql("""
                        insert into review.supplement (id, application_id, file_name, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                        values (:id, :app, :name, :type, :size, :sha, :content, :by, :at)""")
                .param("id", s.id()).param("app", s.applicationId()).param("name", s.fileName())
                .param("type", s.mediaType()).param("size", s.size()).param("sha", s.sha256()).param("content", content)
                .param("by", s.uploadedBy()).param("at", ts(s.uploadedAt())).update();
    }

    public List<Supplement> supplements(UUID applicationId) {
        return jdbc.sql("""
                        select id, application_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at
                        from review.supplement where application_id = :id order by uploaded_at""")
                .param("id", applicationId)
                .query((rs, n) -> new Supplement(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                        rs.getString("file_name"), rs.getString("media_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public Optional<byte[]> content(UUID applicationId, UUID supplementId) {
        return jdbc.sql("select content from review.supplement where id = :id and application_id = :app")
                .param("id", supplementId).param("app", applicationId)
                .query((rs, n) -> rs.getBytes("content")).optional();
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
