package org.xuewei.platform.registry.exchange;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.GroupCommit;
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
 * answers are written in one statement, together with the rounds of other checks kept at the same moment
 * ({@link GroupCommit}); a round whose statement fails is written again alone, so one bad round fails only its check.
 */
public final class EvidenceStore implements EvidenceKeeper, AutoCloseable {

    /** Rows per statement: 9 parameters each, within PostgreSQL's 32,767 per statement. */
    private static final int ROWS_PER_STATEMENT = 3_000;

    private final JdbcClient jdbc;
    private final GroupCommit<List<Kept>, List<Evidence>> rounds;

    public EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rounds = new GroupCommit<>("evidence", 64, this::insert);
    }

    @Override
    public Evidence keep(ExchangeClient.Answer answer, RegistrySource registry, String operation, String subjectHash) {
        return keepAll(List.of(new Kept(answer, registry, operation, subjectHash))).get(0);
    }

    /** A round's answers, written with the rounds of other checks kept at the same moment (one statement). */
    @Override
    public List<Evidence> keepAll(List<Kept> answers) {
        if (answers.isEmpty()) {
            return List.of();
        }
        return rounds.write(answers);
    }

    private List<List<Evidence>> insert(List<List<Kept>> rounds) {
        List<List<Evidence>> kept = new ArrayList<>(rounds.size());
        List<Object> params = new ArrayList<>();
        for (List<Kept> round : rounds) {
            List<Evidence> evidence = new ArrayList<>(round.size());
            for (Kept k : round) {
                ExchangeClient.Answer a = k.answer();
                Evidence e = new Evidence(UUID.randomUUID(), k.registry(), k.operation(), a.sourceDepartment(),
                        a.recordTime(), a.fetchedAt(), a.sha256(), a.outcome());
                evidence.add(e);
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
            kept.add(evidence);
        }
        int rows = params.size() / 9;
        for (int start = 0; start < rows; start += ROWS_PER_STATEMENT) {
            int end = Math.min(rows, start + ROWS_PER_STATEMENT);
            StringBuilder sql = new StringBuilder("""
                    insert into registry.evidence (id, registry, operation, subject_hash, outcome, source_department,
                                                   record_time, fetched_at, sha256) values """);
            for (int i = start; i < end; i++) {
                sql.append(i == start ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            jdbc.sql(sql.toString()).params(params.subList(start * 9, end * 9)).update();
        }
        return kept;
    }

    @Override
    public void close() {
        rounds.close();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
