package org.xuewei.platform.admission.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuewei.platform.admission.allocation.Outcome;
import org.xuewei.platform.admission.allocation.Placement;
import org.xuewei.platform.admission.allocation.Route;
import org.xuewei.platform.admission.allocation.Summary;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Runs and their placements in {@code admission.run} and {@code admission.placement}. */
@Repository
public class RunStore {

    private static final String COLUMNS = """
            id, district_code, season, grade, kind, draw_id, input_sha256, seed, result_sha256, candidates, excluded,
            excluded_reason, summary, created_at, created_by, published_at, published_by, arrival_deadline""";

    /** Rows per insert statement. */
    static final int CHUNK = 10_000;

    private final JdbcClient jdbc;

    RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long save(String district, int season, int grade, String kind, Long drawId, Outcome o, int excluded,
                     String excludedReason, Instant at, String by) {
        long id = jdbc.sql("""
                        insert into admission.run (district_code, season, grade, kind, draw_id, input_sha256, seed,
                            result_sha256, candidates, excluded, excluded_reason, summary, created_at, created_by)
                        values (:district, :season, :grade, :kind, :draw, :input, :seed, :result, :candidates,
                            :excluded, :reason, :summary, :at, :by) returning id""")
                .param("district", district).param("season", season).param("grade", grade).param("kind", kind)
                .param("draw", drawId).param("input", o.inputSha256()).param("seed", o.seed())
                .param("result", o.resultSha256()).param("candidates", o.placements().size())
                .param("excluded", excluded).param("reason", excludedReason)
                .param("summary", Snapshots.write(Summary.of(o))).param("at", utc(at)).param("by", by)
                .query(Long.class).single();
        List<Placement> all = o.placements();
        for (int start = 0; start < all.size(); start += CHUNK) {
            List<Placement> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
            jdbc.sql("""
                            insert into admission.placement (run_id, application_no, route, school_code, choice, category,
                                points, lottery_school, lottery_position, lottery_tied, distance_m)
                            select :run, p.no, p.route, p.school, cast(p.choice as int), cast(p.category as int),
                                cast(p.points as numeric), p.ls, cast(p.lp as int), cast(p.lt as int),
                                cast(p.d as double precision)
                            from unnest(:no, :route, :school, :choice, :category, :points, :ls, :lp, :lt, :d)
                                as p(no, route, school, choice, category, points, ls, lp, lt, d)""")
                    .param("run", id)
                    .param("no", column(chunk, Placement::applicationNo))
                    .param("route", column(chunk, p -> p.route().name()))
                    .param("school", column(chunk, Placement::schoolCode))
                    .param("choice", column(chunk, Placement::choice))
                    .param("category", column(chunk, Placement::category))
                    .param("points", column(chunk, Placement::points))
                    .param("ls", column(chunk, Placement::lotterySchool))
                    .param("lp", column(chunk, Placement::lotteryPosition))
                    .param("lt", column(chunk, Placement::lotteryTied))
                    .param("d", column(chunk, Placement::distanceMeters))
                    .update();
        }
        return id;
    }

    public Optional<RunRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from admission.run where id = :id").param("id", id)
                .query(RunStore::run).optional();
    }

    /** Locks the run's row until the transaction ends. */
    public Optional<RunRecord> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from admission.run where id = :id for update").param("id", id)
                .query(RunStore::run).optional();
    }

    public List<RunRecord> of(String district, int season, int grade) {
        return jdbc.sql("select " + COLUMNS + """
                         from admission.run where district_code = :district and season = :season and grade = :grade
                        order by id desc""")
                .param("district", district).param("season", season).param("grade", grade)
                .query(RunStore::run).list();
    }

    public Optional<RunRecord> published(String district, int season, int grade) {
        return jdbc.sql("select " + COLUMNS + """
                         from admission.run where district_code = :district and season = :season and grade = :grade
                        and published_at is not null""")
                .param("district", district).param("season", season).param("grade", grade)
                .query(RunStore::run).optional();
    }

    public Optional<RunRecord> forDraw(long drawId) {
        return jdbc.sql("select " + COLUMNS + " from admission.run where draw_id = :draw and kind = 'FINAL'")
                .param("draw", drawId).query(RunStore::run).optional();
    }

    public boolean markPublished(long id, Instant at, String by, Instant deadline) {
        return jdbc.sql("""
                        update admission.run set published_at = :at, published_by = :by, arrival_deadline = :deadline
                        where id = :id and published_at is null and kind = 'FINAL'""")
                .param("id", id).param("at", utc(at)).param("by", by).param("deadline", utc(deadline))
                .update() == 1;
    }

    /** Moves a published run's arrival deadline forward to {@code at} (the demo's "the deadline passes"). */
    public boolean closeArrival(long id, Instant at) {
        return jdbc.sql("""
                        update admission.run set arrival_deadline = :at
                        where id = :id and published_at is not null and arrival_deadline > :at""")
                .param("id", id).param("at", utc(at)).update() == 1;
    }

    public List<Placement> placements(long run) {
        return jdbc.sql("""
                        select application_no, route, school_code, choice, category, points, lottery_school,
                            lottery_position, lottery_tied, distance_m
                        from admission.placement where run_id = :run order by application_no""")
                .param("run", run).query(RunStore::placement).list();
    }

    public Optional<Placement> placement(long run, String applicationNo) {
        return jdbc.sql("""
                        select application_no, route, school_code, choice, category, points, lottery_school,
                            lottery_position, lottery_tied, distance_m
                        from admission.placement where run_id = :run and application_no = :no""")
                .param("run", run).param("no", applicationNo).query(RunStore::placement).optional();
    }

    /** The published run that placed this application, newest first. */
    public Optional<Long> publishedRunOf(String applicationNo) {
        return jdbc.sql("""
                        select r.id from admission.run r join admission.placement p on p.run_id = r.id
                        where p.application_no = :no and r.published_at is not null order by r.id desc limit 1""")
                .param("no", applicationNo).query(Long.class).optional();
    }

    /**
     * One column of many rows as a text array for {@code unnest(…)} (one statement inserts thousands of rows; values
     * are cast back in SQL); {@code null} stays null.
     */
    public static <T> String[] column(List<T> rows, Function<T, ?> value) {
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = value.apply(rows.get(i));
            out[i] = v == null ? null : v instanceof BigDecimal b ? b.toPlainString() : v.toString();
        }
        return out;
    }

    static Placement placement(ResultSet rs, int n) throws SQLException {
        return new Placement(rs.getString(1), Route.valueOf(rs.getString(2)), rs.getString(3),
                (Integer) rs.getObject(4), rs.getInt(5), rs.getBigDecimal(6), rs.getString(7),
                (Integer) rs.getObject(8), (Integer) rs.getObject(9), (Double) rs.getObject(10));
    }

    static RunRecord run(ResultSet rs, int n) throws SQLException {
        return new RunRecord(rs.getLong("id"), rs.getString("district_code"), rs.getInt("season"), rs.getInt("grade"),
                rs.getString("kind"), (Long) rs.getObject("draw_id"), rs.getString("input_sha256"),
                rs.getString("seed"), rs.getString("result_sha256"), rs.getInt("candidates"), rs.getInt("excluded"),
                rs.getString("excluded_reason"), Snapshots.summary(rs.getString("summary")),
                instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("published_at")), rs.getString("published_by"),
                instant(rs.getTimestamp("arrival_deadline")));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
