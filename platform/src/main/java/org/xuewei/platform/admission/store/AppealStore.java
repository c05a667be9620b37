package org.xuewei.platform.admission.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.xuewei.platform.admission.store.RunStore.instant;
import static org.xuewei.platform.admission.store.RunStore.utc;

/** Appeals (复议) in {@code admission.appeal}. */
@Repository
public class AppealStore {

    /** A stored appeal. */
    public record Appeal(long id, long runId, String applicationNo, String reason, String evidence, String state,
                         String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt,
                         String decisionNote, String schoolCode) {
    }

    private static final String COLUMNS = """
            id, run_id, application_no, reason, evidence, state, submitted_by, submitted_at, decided_by, decided_at,
            decision_note, school_code""";

    private final JdbcClient jdbc;

    AppealStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long submit(long run, String applicationNo, String reason, String evidence, String by, Instant at) {
        return jdbc.sql("""
                        insert into admission.appeal (run_id, application_no, reason, evidence, state, submitted_by,
                            submitted_at) values (:run, :no, :reason, :evidence, 'SUBMITTED', :by, :at) returning id""")
                .param("run", run).param("no", applicationNo).param("reason", reason).param("evidence", evidence)
                .param("by", by).param("at", utc(at)).query(Long.class).single();
    }

    public boolean decide(long id, String state, String by, Instant at, String note, String school) {
        return jdbc.sql("""
                        update admission.appeal set state = :state, decided_by = :by, decided_at = :at,
                            decision_note = :note, school_code = :school where id = :id and state = 'SUBMITTED'""")
                .param("id", id).param("state", state).param("by", by).param("at", utc(at)).param("note", note)
                .param("school", school).update() == 1;
    }

    public Optional<Appeal> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from admission.appeal where id = :id for update").param("id", id)
                .query(AppealStore::appeal).optional();
    }

    public List<Appeal> of(long run) {
        return jdbc.sql("select " + COLUMNS + " from admission.appeal where run_id = :run order by id")
                .param("run", run).query(AppealStore::appeal).list();
    }

    static Appeal appeal(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Appeal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)), rs.getString(9),
                instant(rs.getTimestamp(10)), rs.getString(11), rs.getString(12));
    }
}
