package org.xuewei.platform.application.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.ReviewFilter;
import org.xuewei.platform.application.ReviewPage;
import org.xuewei.platform.application.ReviewReason;
import org.xuewei.platform.policy.Grade;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The review desk's reads and writes on {@code application.application}: the district queue (server-side paging on
 * the partial index {@code application_review_queue}) and the row a decision locks.
 */
@Repository
public class ReviewQueueStore {

    /** The columns a decision needs, read with {@code for update}. */
    public record CaseRow(UUID id, String number, UUID childId, String guardianHash, String guardianCipher, int season,
                          Grade grade, ApplicationStatus status, String districtCode, String publicSchool,
                          String privateSchool, String homeKind, String categoryCode, Double points,
                          List<ReviewReason> reasons, String note) {
    }

    private static final String CASE_COLUMNS = """
            id, number, child_id, guardian_hash, guardian_cipher, season, grade, status, district_code, public_school,
            private_school, home_kind, category_code, points, reasons, note""";

    private static final String QUEUE_WHERE = """
             from application.application a join application.child c on c.id = a.child_id
            where a.district_code = :district
              and a.status in (%s)
              and (cast(:grade as varchar) is null or a.grade = :grade)
              and (cast(:reason as varchar) is null or (',' || a.reasons || ',') like '%%,' || :reason || ',%%')""";

    private final JdbcClient jdbc;

    ReviewQueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ReviewPage queue(String district, ReviewFilter filter) {
        // enum names inlined as literals, so that the planner proves the partial index's predicate in every plan
        String statuses = (filter.status() == null ? ReviewFilter.QUEUE : List.of(filter.status()))
                .stream().sorted().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        String where = QUEUE_WHERE.formatted(statuses);
        String grade = filter.grade() == null ? null : filter.grade().name();
        String reason = filter.reason() == null ? null : filter.reason().name();
        long total = jdbc.sql("select count(*)" + where)
                .param("district", district).param("grade", grade).param("reason", reason)
                .query(Long.class).single();
        List<ReviewPage.Item> items = jdbc.sql("""
                        select a.id, a.number, a.status, a.grade, c.name, a.public_school, a.reasons, a.submitted_at"""
                        + where + """
                         order by a.submitted_at, a.id
                         limit :limit offset :offset""")
                .param("district", district).param("grade", grade).param("reason", reason)
                .param("limit", filter.size()).param("offset", (long) filter.page() * filter.size())
                .query((rs, n) -> new ReviewPage.Item(rs.getObject("id", UUID.class), rs.getString("number"),
                        ApplicationStatus.valueOf(rs.getString("status")), Grade.valueOf(rs.getString("grade")),
                        maskName(rs.getString("name")), rs.getString("public_school"), reasons(rs.getString("reasons")),
                        rs.getObject("submitted_at", OffsetDateTime.class).toInstant()))
                .list();
        return new ReviewPage(items, filter.page(), filter.size(), total);
    }

    /** The district's application, locked until the transaction ends (two reviewers deciding at once wait in turn). */
    public Optional<CaseRow> lock(UUID id, String district) {
        return jdbc.sql("select " + CASE_COLUMNS + " from application.application where id = :id and district_code = :district for update")
                .param("id", id).param("district", district)
                .query(ReviewQueueStore::caseRow).optional();
    }

    public Optional<CaseRow> find(UUID id, String district) {
        return jdbc.sql("select " + CASE_COLUMNS + " from application.application where id = :id and district_code = :district")
                .param("id", id).param("district", district)
                .query(ReviewQueueStore::caseRow).optional();
    }

    /** Only the guardian's own application, locked. */
    public Optional<CaseRow> lockOwn(UUID id, String guardianHash) {
        return jdbc.sql("select " + CASE_COLUMNS + " from application.application where id = :id and guardian_hash = :guardian for update")
                .param("id", id).param("guardian", guardianHash)
                .query(ReviewQueueStore::caseRow).optional();
    }

    public Optional<CaseRow> findOwn(UUID id, String guardianHash) {
        return jdbc.sql("select " + CASE_COLUMNS + " from application.application where id = :id and guardian_hash = :guardian")
                .param("id", id).param("guardian", guardianHash)
                .query(ReviewQueueStore::caseRow).optional();
    }

    /** A reviewer's move: the new status and reasons, and the category a reviewer approved with (or the one kept). */
    public void decide(UUID id, ApplicationStatus status, List<ReviewReason> reasons, String categoryCode,
                       Integer categoryRank, Instant now) {
        jdbc.sql("""
                        update application.application set status = :status, reasons = :reasons,
                            category_code = coalesce(cast(:category as varchar), category_code),
                            category_rank = coalesce(cast(:rank as integer), category_rank), updated_at = :now
                        where id = :id""")
                .param("id", id).param("status", status.name())
                .param("reasons", reasons.stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("category", categoryCode).param("rank", categoryRank)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
    }

    /** 张*明: the family name and, for names of three or more characters, the last character. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "*";
        }
        int[] cps = name.codePoints().toArray();
        if (cps.length == 1) {
            return name;
        }
        StringBuilder b = new StringBuilder().appendCodePoint(cps[0]);
        b.append("*".repeat(cps.length == 2 ? 1 : cps.length - 2));
        if (cps.length > 2) {
            b.appendCodePoint(cps[cps.length - 1]);
        }
        return b.toString();
    }

    private static CaseRow caseRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.math.BigDecimal points = rs.getBigDecimal("points");
        return new CaseRow(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("child_id", UUID.class),
                rs.getString("guardian_hash"), rs.getString("guardian_cipher"), rs.getInt("season"),
                Grade.valueOf(rs.getString("grade")), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("district_code"), rs.getString("public_school"), rs.getString("private_school"),
                rs.getString("home_kind"), rs.getString("category_code"), points == null ? null : points.doubleValue(),
                reasons(rs.getString("reasons")), rs.getString("note"));
    }

    private static List<ReviewReason> reasons(String codes) {
        return codes == null || codes.isBlank() ? List.of()
                : Arrays.stream(codes.split(",")).map(ReviewReason::valueOf).toList();
    }
}
