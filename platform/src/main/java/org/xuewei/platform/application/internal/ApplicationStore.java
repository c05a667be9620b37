package org.xuewei.platform.application.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.EnrollmentApplication;
import org.xuewei.platform.application.ReviewReason;
import org.xuewei.platform.policy.Grade;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Children, applications and their timelines in schema {@code application}. */
@Repository
public class ApplicationStore {

    /** A child as stored: the ID number only as hash and ciphertext. */
    /** @param foundIn where the child was found: {@code HUKOU} (户籍) or {@code BIRTH} (出生医学证明) */
    public record ChildRow(UUID id, String guardianHash, String childHash, String childCipher, String name,
                           LocalDate birthDate, Grade grade, int season, String foundIn) {
    }

    /** An application as stored. */
    public record ApplicationRow(UUID id, String number, UUID childId, String childHash, String guardianHash,
                                 String guardianCipher, int season, Grade grade, ApplicationStatus status,
                                 String districtCode, String publicSchool, String privateSchool, String homeKind,
                                 String homeRef, String homeKey, String categoryCode, int categoryRank, Double points,
                                 String policyRef, List<ReviewReason> reasons, String note, String idempotencyKey,
                                 Instant submittedAt, Instant updatedAt) {
    }

    private static final String APPLICATION_COLUMNS = """
            id, number, child_id, child_hash, guardian_hash, guardian_cipher, season, grade, status, district_code,
            public_school, private_school, home_kind, home_ref, home_key, category_code, category_rank, points,
            policy_ref, reasons, note, idempotency_key, submitted_at, updated_at""";

    /**
     * Whether another family applies with {@code :home} ({@link #homeUsedByAnotherFamily}), then the application rows
     * the query appends after it ({@code … a on true}): the start of the queries that answer it in the same round trip.
     */
    private static final String HOME_USED_AND = """
            with used as (
                select exists (select 1 from application.application
                where home_key = cast(:home as char(64)) and season = :season and grade = :grade
                  and status not in ('WITHDRAWN', 'REJECTED') and guardian_hash <> :guardian and child_hash <> :child)
                  as home_used)
            select used.home_used, a.* from used left join (
                select""" + " " + APPLICATION_COLUMNS;

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID saveChild(String guardianHash, String childHash, String childCipher, String name, LocalDate birthDate,
                          Grade grade, int season, String foundIn, Instant now) {
        return jdbc.sql("""
                        insert into application.child (id, guardian_hash, child_hash, child_cipher, name, birth_date, grade, season, found_in, created_at)
                        values (:id, :guardian, :child, :cipher, :name, :birth, :grade, :season, :foundIn, :now)
                        on conflict (guardian_hash, child_hash, season) do update set name = excluded.name, found_in = excluded.found_in
                        returning id""")
                .param("id", UUID.randomUUID()).param("guardian", guardianHash).param("child", childHash)
                .param("cipher", childCipher).param("name", name).param("birth", birthDate).param("grade", grade.name())
                .param("season", season).param("foundIn", foundIn).param("now", ts(now))
                .query(UUID.class).single();
    }

    public List<ChildRow> childrenOf(String guardianHash, int season) {
        return jdbc.sql("""
                        select id, guardian_hash, child_hash, child_cipher, name, birth_date, grade, season, found_in
                        from application.child where guardian_hash = :guardian and season = :season order by birth_date, name""")
                .param("guardian", guardianHash).param("season", season)
                .query(ApplicationStore::child).list();
    }

    /** Only the guardian's own child: another family's id is simply not found. */
    public Optional<ChildRow> child(UUID id, String guardianHash) {
        return jdbc.sql("""
                        select id, guardian_hash, child_hash, child_cipher, name, birth_date, grade, season, found_in
                        from application.child where id = :id and guardian_hash = :guardian""")
                .param("id", id).param("guardian", guardianHash)
                .query(ApplicationStore::child).optional();
    }

    public Optional<ChildRow> childById(UUID id) {
        return jdbc.sql("""
                        select id, guardian_hash, child_hash, child_cipher, name, birth_date, grade, season, found_in
                        from application.child where id = :id""")
                .param("id", id)
                .query(ApplicationStore::child).optional();
    }

    public Optional<ApplicationRow> byIdempotencyKey(String guardianHash, String key) {
        return jdbc.sql("select " + APPLICATION_COLUMNS + " from application.application where guardian_hash = :guardian and idempotency_key = :key")
                .param("guardian", guardianHash).param("key", key)
                .query(ApplicationStore::application).optional();
    }

    /**
     * The guardian's application made with an idempotency key, the child's active application, if any, and whether
     * another family applies with the given home this season for the same grade ({@link #homeUsedByAnotherFamily};
     * false when no home was given).
     */
    public record Existing(Optional<ApplicationRow> sameKey, Optional<ApplicationRow> active, boolean homeUsed) {
    }

    /**
     * {@link #byIdempotencyKey}, {@link #activeFor} and {@link #homeUsedByAnotherFamily} for {@code homeKey} in one
     * round trip (a submission whose check listed the homes a moment ago). Each part is a plain index look-up (no
     * {@code or}), so the plan stays an index plan even when it was made while the table was nearly empty.
     */
    public Existing existing(String guardianHash, String key, String childHash, int season, Grade grade, String homeKey) {
        boolean[] used = {false};
        List<ApplicationRow> rows = new ArrayList<>(2);
        jdbc.sql(HOME_USED_AND + """
                             from application.application where guardian_hash = :guardian and idempotency_key = :key
                            union all
                            select""" + " " + APPLICATION_COLUMNS + """
                             from application.application
                            where child_hash = :child and season = :season and status not in ('WITHDRAWN', 'REJECTED')) a on true""")
                .param("guardian", guardianHash).param("key", key).param("child", childHash).param("season", season)
                .param("grade", grade.name()).param("home", homeKey == null ? "" : homeKey)
                .query(rs -> {
                    used[0] = rs.getBoolean("home_used");
                    if (rs.getObject("id") != null) {
                        rows.add(application(rs, 0));
                    }
                });
        return new Existing(
                rows.stream().filter(r -> r.guardianHash().equals(guardianHash) && key.equals(r.idempotencyKey())).findFirst(),
                rows.stream().filter(r -> r.childHash().equals(childHash) && r.season() == season
                        && r.status() != ApplicationStatus.WITHDRAWN && r.status() != ApplicationStatus.REJECTED).findFirst(),
                homeKey != null && used[0]);
    }

    /** The child's active application and whether another family applies with this home ({@link #homeUsedByAnotherFamily}), in one query. */
    public record ChildState(Optional<ApplicationRow> active, boolean homeUsed) {
    }

    /** What a check asks: the child's active application and, when a home is given, whether another family uses it. */
    public ChildState childState(String childHash, int season, Grade grade, String guardianHash, String homeKey) {
        boolean[] used = {false};
        List<ApplicationRow> rows = new ArrayList<>(1);
        jdbc.sql(HOME_USED_AND + """
                             from application.application
                            where child_hash = :child and season = :season and status not in ('WITHDRAWN', 'REJECTED')) a on true""")
                .param("child", childHash).param("season", season).param("grade", grade.name())
                .param("guardian", guardianHash).param("home", homeKey == null ? "" : homeKey)
                .query(rs -> {
                    used[0] = rs.getBoolean("home_used");
                    if (rs.getObject("id") != null) {
                        rows.add(application(rs, 0));
                    }
                });
        return new ChildState(rows.stream().findFirst(), used[0]);
    }

    public Optional<ApplicationRow> activeFor(String childHash, int season) {
        return jdbc.sql("select " + APPLICATION_COLUMNS + """
                         from application.application
                        where child_hash = :child and season = :season and status not in ('WITHDRAWN', 'REJECTED')""")
                .param("child", childHash).param("season", season)
                .query(ApplicationStore::application).optional();
    }

    /** Only the guardian's own application. */
    public Optional<ApplicationRow> application(UUID id, String guardianHash) {
        return jdbc.sql("select " + APPLICATION_COLUMNS + " from application.application where id = :id and guardian_hash = :guardian")
                .param("id", id).param("guardian", guardianHash)
                .query(ApplicationStore::application).optional();
    }

    public List<ApplicationRow> pending(int limit) {
        return jdbc.sql("select " + APPLICATION_COLUMNS + """
                         from application.application where status = 'PENDING_VERIFICATION'
                        order by updated_at, id limit :limit""")
                .param("limit", limit)
                .query(ApplicationStore::application).list();
    }

    /** Another family applies with the same home this season for the same grade (学位锁定; siblings exempt). */
    public boolean homeUsedByAnotherFamily(String homeKey, int season, Grade grade, String guardianHash, String childHash) {
        return jdbc.sql("""
                        select count(*) from application.application
                        where home_key = :home and season = :season and grade = :grade and status not in ('WITHDRAWN', 'REJECTED')
                          and guardian_hash <> :guardian and child_hash <> :child""")
                .param("home", homeKey).param("season", season).param("grade", grade.name())
                .param("guardian", guardianHash).param("child", childHash)
                .query(Long.class).single() > 0;
    }

    /** A home a submission applies with, for {@link #homesUsed}. */
    public record HomeUse(String homeKey, int season, Grade grade, String guardianHash, String childHash) {
    }

    /**
     * {@link #homeUsedByAnotherFamily} for many homes in one query (a batch of submissions): in the order given,
     * whether another family applies with each.
     */
    public boolean[] homesUsed(List<HomeUse> uses) {
        int n = uses.size();
        String[] homes = new String[n];
        Integer[] seasons = new Integer[n];
        String[] grades = new String[n];
        String[] guardians = new String[n];
        String[] children = new String[n];
        for (int i = 0; i < n; i++) {
            HomeUse u = uses.get(i);
            homes[i] = u.homeKey();
            seasons[i] = u.season();
            grades[i] = u.grade().name();
            guardians[i] = u.guardianHash();
            children[i] = u.childHash();
        }
        boolean[] used = new boolean[n];
        jdbc.sql("""
                        select u.i from unnest(:homes, :seasons, :grades, :guardians, :children)
                            with ordinality as u(home, season, grade, guardian, child, i)
                        where exists (select 1 from application.application a
                            where a.home_key = cast(u.home as char(64)) and a.season = u.season and a.grade = u.grade
                              and a.status not in ('WITHDRAWN', 'REJECTED')
                              and a.guardian_hash <> cast(u.guardian as char(64)) and a.child_hash <> cast(u.child as char(64)))""")
                .param("homes", homes).param("seasons", seasons).param("grades", grades).param("guardians", guardians)
                .param("children", children)
                .query(rs -> {
                    used[(int) rs.getLong(1) - 1] = true;
                });
        return used;
    }

    /** Application numbers taken from the sequence this many at a time (one round trip per block). */
    static final int NUMBER_BLOCK = 64;
    private final java.util.ArrayDeque<Long> numbers = new java.util.ArrayDeque<>();

    /**
     * The next application number. The sequence's values are taken a block at a time and handed out in order; a block
     * not used up when the platform stops leaves a gap, as a rolled-back submission always did.
     */
    public String nextNumber(int season, Grade grade) {
        long n;
        synchronized (numbers) {
            if (numbers.isEmpty()) {
                numbers.addAll(jdbc.sql("select nextval('application.application_number') from generate_series(1, :n) order by 1")
                        .param("n", NUMBER_BLOCK).query(Long.class).list());
            }
            n = numbers.removeFirst();
        }
        return String.format("%d%s%08d", season, grade.name(), n);
    }

    public void insert(ApplicationRow a, Instant consentAt) {
        jdbc.sql("""
                        insert into application.application (id, number, child_id, child_hash, guardian_hash, guardian_cipher, season,
                            grade, status, district_code, public_school, private_school, home_kind, home_ref, home_key, category_code,
                            category_rank, points, policy_ref, reasons, note, idempotency_key, consent_at, submitted_at, updated_at)
                        values (:id, :number, :childId, :childHash, :guardianHash, :guardianCipher, :season, :grade, :status,
                            :district, :publicSchool, :privateSchool, :homeKind, :homeRef, :homeKey, :categoryCode, :categoryRank,
                            :points, :policyRef, :reasons, :note, :key, :consentAt, :submittedAt, :updatedAt)""")
                .param("id", a.id()).param("number", a.number()).param("childId", a.childId())
                .param("childHash", a.childHash()).param("guardianHash", a.guardianHash())
                .param("guardianCipher", a.guardianCipher()).param("season", a.season()).param("grade", a.grade().name())
                .param("status", a.status().name()).param("district", a.districtCode())
                .param("publicSchool", a.publicSchool()).param("privateSchool", a.privateSchool())
                .param("homeKind", a.homeKind()).param("homeRef", a.homeRef()).param("homeKey", a.homeKey())
                .param("categoryCode", a.categoryCode()).param("categoryRank", a.categoryRank())
                .param("points", a.points() == null ? null : BigDecimal.valueOf(a.points()))
                .param("policyRef", a.policyRef()).param("reasons", codes(a.reasons())).param("note", a.note())
                .param("key", a.idempotencyKey()).param("consentAt", ts(consentAt))
                .param("submittedAt", ts(a.submittedAt())).param("updatedAt", ts(a.updatedAt()))
                .update();
    }

    private static final String INSERT_FROM_ARRAYS = """
            insert into application.application (id, number, child_id, child_hash, guardian_hash, guardian_cipher, season,
                grade, status, district_code, public_school, private_school, home_kind, home_ref, home_key, category_code,
                category_rank, points, policy_ref, reasons, note, idempotency_key, consent_at, submitted_at, updated_at)
            select cast(c0 as uuid), c1, cast(c2 as uuid), c3, c4, c5, cast(c6 as int), c7, c8, c9, c10, c11, c12, c13,
                c14, c15, cast(c16 as int), cast(c17 as numeric), c18, c19, c20, c21, cast(c22 as timestamptz),
                cast(c23 as timestamptz), cast(c24 as timestamptz)
            from unnest(:c0, :c1, :c2, :c3, :c4, :c5, :c6, :c7, :c8, :c9, :c10, :c11, :c12, :c13, :c14, :c15, :c16,
                :c17, :c18, :c19, :c20, :c21, :c22, :c23, :c24)
                as u(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20,
                     c21, c22, c23, c24)""";

    private static final String STEPS_FROM_ARRAYS = """
            insert into application.application_step (application_id, status, occurred_at, actor, reasons)
            select cast(u.id as uuid), u.status, cast(u.at as timestamptz), u.actor, u.reasons
            from unnest(:stepIds, :stepStatuses, :stepAts, :stepActors, :stepReasons) as u(id, status, at, actor, reasons)""";

    /**
     * New applications with their timelines and the facts they were judged on, in one statement (all or none): a
     * submission's writes in the application module's tables, one round trip for many submissions; consent given at
     * submission. Rows are inserted in the arrays' order, so each timeline's ids follow its steps.
     */
    public void insertNew(List<ApplicationRow> rows, Map<UUID, List<EnrollmentApplication.Step>> steps,
                          List<CandidateFacts.Recorded> facts) {
        Map<String, Object> params = new HashMap<>(applicationArrays(rows));
        params.putAll(stepArrays(steps));
        Map<String, Object> factArrays = CandidateFacts.arrays(facts);
        params.putAll(factArrays);
        // the rows reference each other: the foreign keys are checked at the end of the statement, when all are in
        String sql = "with applications as (" + INSERT_FROM_ARRAYS + "),\n steps as (" + STEPS_FROM_ARRAYS + ")\n"
                + (factArrays.isEmpty() ? "select 1" : CandidateFacts.INSERT_FROM_ARRAYS);
        if (factArrays.isEmpty()) {
            jdbc.sql(sql).params(params).query(Integer.class).list();
        } else {
            jdbc.sql(sql).params(params).update();
        }
    }

    private static Map<String, Object> applicationArrays(List<ApplicationRow> rows) {
        int n = rows.size();
        String[][] c = new String[25][n];
        for (int i = 0; i < n; i++) {
            ApplicationRow a = rows.get(i);
            String[] v = {a.id().toString(), a.number(), a.childId().toString(), a.childHash(), a.guardianHash(),
                    a.guardianCipher(), Integer.toString(a.season()), a.grade().name(), a.status().name(), a.districtCode(),
                    a.publicSchool(), a.privateSchool(), a.homeKind(), a.homeRef(), a.homeKey(), a.categoryCode(),
                    Integer.toString(a.categoryRank()), a.points() == null ? null : BigDecimal.valueOf(a.points()).toPlainString(),
                    a.policyRef(), codes(a.reasons()), a.note(), a.idempotencyKey(), a.submittedAt().toString(),
                    a.submittedAt().toString(), a.updatedAt().toString()};
            for (int k = 0; k < v.length; k++) {
                c[k][i] = v[k];
            }
        }
        Map<String, Object> params = new HashMap<>();
        for (int k = 0; k < 25; k++) {
            params.put("c" + k, c[k]);
        }
        return params;
    }

    private static Map<String, Object> stepArrays(Map<UUID, List<EnrollmentApplication.Step>> steps) {
        List<String> ids = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> ats = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        steps.forEach((id, list) -> {
            for (EnrollmentApplication.Step s : list) {
                ids.add(id.toString());
                statuses.add(s.status().name());
                ats.add(s.at().toString());
                actors.add(s.actor());
                reasons.add(codes(s.reasons()));
            }
        });
        return Map.of("stepIds", ids.toArray(String[]::new), "stepStatuses", statuses.toArray(String[]::new),
                "stepAts", ats.toArray(String[]::new), "stepActors", actors.toArray(String[]::new),
                "stepReasons", reasons.toArray(String[]::new));
    }

    public void updateJudgement(UUID id, ApplicationStatus status, List<ReviewReason> reasons, String categoryCode,
                                int categoryRank, Double points, String policyRef, Instant now) {
        jdbc.sql("""
                        update application.application set status = :status, reasons = :reasons, category_code = :categoryCode,
                            category_rank = :categoryRank, points = :points, policy_ref = :policyRef, updated_at = :now
                        where id = :id""")
                .param("id", id).param("status", status.name()).param("reasons", codes(reasons))
                .param("categoryCode", categoryCode).param("categoryRank", categoryRank)
                .param("points", points == null ? null : BigDecimal.valueOf(points)).param("policyRef", policyRef)
                .param("now", ts(now))
                .update();
    }

    public Optional<ApplicationRow> pendingById(UUID id) {
        return jdbc.sql("select " + APPLICATION_COLUMNS + " from application.application where id = :id and status = 'PENDING_VERIFICATION'")
                .param("id", id)
                .query(ApplicationStore::application).optional();
    }

    /** Moves a pending application to the back of the re-verification queue (still down, or it failed). */
    public void touch(UUID id, Instant now) {
        jdbc.sql("update application.application set updated_at = :now where id = :id")
                .param("id", id).param("now", ts(now)).update();
    }

    /** New choices of an amended application (the judgement is written by {@link #updateJudgement}). */
    public void updateChoices(UUID id, String districtCode, String publicSchool, String privateSchool, String homeKind,
                              String homeRef, String homeKey, String note, Instant now) {
        jdbc.sql("""
                        update application.application set district_code = :district, public_school = :publicSchool,
                            private_school = :privateSchool, home_kind = :homeKind, home_ref = :homeRef, home_key = :homeKey,
                            note = :note, updated_at = :now
                        where id = :id""")
                .param("id", id).param("district", districtCode).param("publicSchool", publicSchool)
                .param("privateSchool", privateSchool).param("homeKind", homeKind).param("homeRef", homeRef)
                .param("homeKey", homeKey).param("note", note).param("now", ts(now))
                .update();
    }

    /** The new steps of an application's timeline, in order, in one statement. */
    public void appendSteps(UUID applicationId, List<EnrollmentApplication.Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(
                "insert into application.application_step (application_id, status, occurred_at, actor, reasons) values ");
        for (int i = 0; i < steps.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id, :status").append(i).append(", :at").append(i).append(", :actor")
                    .append(i).append(", :reasons").append(i).append(')');
        }
        var statement = jdbc.sql(sql.toString()).param("id", applicationId);
        for (int i = 0; i < steps.size(); i++) {
            EnrollmentApplication.Step s = steps.get(i);
            statement = statement.param("status" + i, s.status().name()).param("at" + i, ts(s.at()))
                    .param("actor" + i, s.actor()).param("reasons" + i, codes(s.reasons()));
        }
        statement.update();
    }

    public List<EnrollmentApplication.Step> steps(UUID applicationId) {
        return jdbc.sql("""
                        select status, occurred_at, actor, reasons from application.application_step
                        where application_id = :id order by id""")
                .param("id", applicationId)
                .query((rs, n) -> new EnrollmentApplication.Step(ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        reasons(rs.getString("reasons"))))
                .list();
    }

    public EnrollmentApplication aggregate(ApplicationRow row) {
        return EnrollmentApplication.restore(row.id(), row.number(), row.status(), row.reasons(), steps(row.id()));
    }

    private static ChildRow child(ResultSet rs, int n) throws SQLException {
        return new ChildRow(rs.getObject("id", UUID.class), rs.getString("guardian_hash"), rs.getString("child_hash"),
                rs.getString("child_cipher"), rs.getString("name"), rs.getObject("birth_date", LocalDate.class),
                Grade.valueOf(rs.getString("grade")), rs.getInt("season"), rs.getString("found_in"));
    }

    private static ApplicationRow application(ResultSet rs, int n) throws SQLException {
        BigDecimal points = rs.getBigDecimal("points");
        return new ApplicationRow(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("child_id", UUID.class),
                rs.getString("child_hash"), rs.getString("guardian_hash"), rs.getString("guardian_cipher"),
                rs.getInt("season"), Grade.valueOf(rs.getString("grade")), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getString("district_code"), rs.getString("public_school"), rs.getString("private_school"),
                rs.getString("home_kind"), rs.getString("home_ref"), rs.getString("home_key"), rs.getString("category_code"),
                rs.getInt("category_rank"), points == null ? null : points.doubleValue(), rs.getString("policy_ref"),
                reasons(rs.getString("reasons")), rs.getString("note"), rs.getString("idempotency_key"),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String codes(List<ReviewReason> reasons) {
        return reasons.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static List<ReviewReason> reasons(String codes) {
        return codes == null || codes.isBlank() ? List.of()
                : Arrays.stream(codes.split(",")).map(ReviewReason::valueOf).toList();
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
