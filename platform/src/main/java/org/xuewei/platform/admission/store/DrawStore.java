package org.xuewei.platform.admission.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.xuewei.platform.admission.store.RunStore.instant;
import static org.xuewei.platform.admission.store.RunStore.utc;

/** Lottery draws in {@code admission.draw}: each step moves the state forward once. */
@Repository
public class DrawStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            d.id, d.code, d.district_code, d.season, d.grade, d.state, d.snapshot, d.instance_json, d.input_sha256,
            d.candidates, d.excluded, d.excluded_reason, d.commitment, d.secret, d.public_value_name, d.public_value,
            d.witnesses, d.seed, d.result_json, d.result_sha256, d.frozen_at, d.frozen_by, d.committed_at,
            d.seeded_at, d.drawn_at, (select r.id from admission.run r where r.draw_id = d.id and r.kind = 'FINAL'),
            d.batch, d.fills_run_id""";

    private final JdbcClient jdbc;

    DrawStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long freeze(String code, String district, int season, int grade, String snapshot, String instanceJson,
                       String inputSha256, int candidates, int excluded, String reason, Instant at, String by) {
        return jdbc.sql("""
                        insert into admission.draw (code, district_code, season, grade, state, snapshot, instance_json,
                            input_sha256, candidates, excluded, excluded_reason, frozen_at, frozen_by)
                        values (:code, :district, :season, :grade, 'FROZEN', :snapshot, :instance, :sha, :candidates,
                            :excluded, :reason, :at, :by) returning id""")
                .param("code", code).param("district", district).param("season", season).param("grade", grade)
                .param("snapshot", snapshot).param("instance", instanceJson).param("sha", inputSha256)
                .param("candidates", candidates).param("excluded", excluded).param("reason", reason)
                .param("at", utc(at)).param("by", by).query(Long.class).single();
    }

    /** A second-batch draw (补录) of a published run: frozen like a first draw, with its batch number. */
    public long freezeBatch(String code, String district, int season, int grade, int batch, long fillsRun,
                            String snapshot, String instanceJson, String inputSha256, int candidates, Instant at,
                            String by) {
        return jdbc.sql("""
                        insert into admission.draw (code, district_code, season, grade, state, snapshot, instance_json,
                            input_sha256, candidates, frozen_at, frozen_by, batch, fills_run_id)
                        values (:code, :district, :season, :grade, 'FROZEN', :snapshot, :instance, :sha, :candidates,
                            :at, :by, :batch, :run) returning id""")
                .param("code", code).param("district", district).param("season", season).param("grade", grade)
                .param("snapshot", snapshot).param("instance", instanceJson).param("sha", inputSha256)
                .param("candidates", candidates).param("at", utc(at)).param("by", by).param("batch", batch)
                .param("run", fillsRun).query(Long.class).single();
    }

    /** The second-batch draws of a published run, oldest first. */
    public List<DrawRecord> batchesOf(long run) {
        return jdbc.sql("select " + COLUMNS + " from admission.draw d where d.fills_run_id = :run order by d.id")
                .param("run", run).query(DrawStore::draw).list();
    }

    public boolean commit(long id, String commitment, String secret, String publicValueName, Instant at) {
        return jdbc.sql("""
                        update admission.draw set state = 'COMMITTED', commitment = :commitment, secret = :secret,
                            public_value_name = :name, committed_at = :at where id = :id and state = 'FROZEN'""")
                .param("id", id).param("commitment", commitment).param("secret", secret).param("name", publicValueName)
                .param("at", utc(at)).update() == 1;
    }

    public boolean seed(long id, String publicValue, List<String> witnesses, String seed, Instant at) {
        return jdbc.sql("""
                        update admission.draw set state = 'SEEDED', public_value = :value, witnesses = :witnesses,
                            seed = :seed, seeded_at = :at where id = :id and state = 'COMMITTED'""")
                .param("id", id).param("value", publicValue).param("witnesses", JSON.writeValueAsString(witnesses))
                .param("seed", seed).param("at", utc(at)).update() == 1;
    }

    public boolean drawn(long id, String resultJson, String resultSha256, Instant at) {
        return jdbc.sql("""
                        update admission.draw set state = 'DRAWN', result_json = :result, result_sha256 = :sha,
                            drawn_at = :at where id = :id and state = 'SEEDED'""")
                .param("id", id).param("result", resultJson).param("sha", resultSha256).param("at", utc(at))
                .update() == 1;
    }

    public Optional<DrawRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from admission.draw d where d.id = :id").param("id", id)
                .query(DrawStore::draw).optional();
    }

    public Optional<DrawRecord> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from admission.draw d where d.id = :id for update").param("id", id)
                .query(DrawStore::draw).optional();
    }

    public Optional<DrawRecord> byCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from admission.draw d where d.code = :code").param("code", code)
                .query(DrawStore::draw).optional();
    }

    public List<DrawRecord> of(String district, int season, int grade) {
        return jdbc.sql("select " + COLUMNS + """
                         from admission.draw d where d.district_code = :district and d.season = :season
                        and d.grade = :grade order by d.id desc""")
                .param("district", district).param("season", season).param("grade", grade)
                .query(DrawStore::draw).list();
    }

    public List<DrawRecord> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from admission.draw d order by d.id desc limit :limit")
                .param("limit", limit).query(DrawStore::draw).list();
    }

    static DrawRecord draw(ResultSet rs, int n) throws SQLException {
        String w = rs.getString(17);
        List<String> witnesses = w == null ? List.of() : JSON.readValue(w, new TypeReference<List<String>>() { });
        return new DrawRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getInt(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), witnesses,
                rs.getString(18), rs.getString(19), rs.getString(20), instant(rs.getTimestamp(21)), rs.getString(22),
                instant(rs.getTimestamp(23)), instant(rs.getTimestamp(24)), instant(rs.getTimestamp(25)),
                (Long) rs.getObject(26), rs.getInt(27), (Long) rs.getObject(28));
    }
}
