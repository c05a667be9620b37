package org.xuewei.platform.registry.exchange;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.policy.RegistrySource;
import org.xuewei.platform.registry.Evidence;
import org.xuewei.platform.registry.LookupOutcome;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence rows as kept: one statement text for any number of rows, every value stored as given. */
@PlatformTest
class EvidenceStoreTests {

    @Autowired
    JdbcClient jdbc;

    static String hash(String seed) {
        return String.format("%064x", Math.abs((long) seed.hashCode()));
    }

    static EvidenceKeeper.Kept kept(String subject, LookupOutcome outcome, String department, Instant recordTime,
                                    Instant fetchedAt, String sha256, String operation) {
        return new EvidenceKeeper.Kept(new ExchangeClient.Answer("hukou", "/x", outcome, null, department, recordTime,
                sha256, fetchedAt), RegistrySource.HUKOU, operation, subject);
    }

    record Row(String registry, String operation, String subjectHash, String outcome, String sourceDepartment,
               OffsetDateTime recordTime, OffsetDateTime fetchedAt, String sha256) {
    }

    Map<UUID, Row> stored(List<Evidence> evidence) {
        return jdbc.sql("""
                        select id, registry, operation, subject_hash, outcome, source_department, record_time, fetched_at, sha256
                        from registry.evidence where id = any(:ids)""")
                .param("ids", evidence.stream().map(Evidence::id).toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), new Row(rs.getString("registry"),
                        rs.getString("operation"), rs.getString("subject_hash"), rs.getString("outcome"),
                        rs.getString("source_department"), rs.getObject("record_time", OffsetDateTime.class),
                        rs.getObject("fetched_at", OffsetDateTime.class), rs.getString("sha256"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void oneRowAndItsNullsAreStoredAsGiven() {
        Instant fetched = Instant.parse("2026-09-01T08:00:00.123456Z");
        try (EvidenceStore store = new EvidenceStore(jdbc)) {
            Evidence e = store.keep(new ExchangeClient.Answer("hukou", "/x", LookupOutcome.UNAVAILABLE, null, null, null,
                    null, fetched), RegistrySource.HUKOU, "hukou.household", hash("one"));
            Row row = stored(List.of(e)).get(e.id());
            assertThat(row).isEqualTo(new Row("HUKOU", "hukou.household", hash("one"), "UNAVAILABLE", null, null,
                    OffsetDateTime.parse("2026-09-01T08:00:00.123456Z"), null));
            assertThat(e.outcome()).isEqualTo(LookupOutcome.UNAVAILABLE);
        }
    }

    @Test
    void manyRowsWithOddTextAreStoredAsGiven() {
        // text an array literal must escape: quotes, backslashes, commas, braces, the word NULL, Chinese, 120 characters
        List<String> departments = List.of("南昌市公安局\"户政\"科", "a\\b,c{d}e", "NULL", "", " 前后空格 ", "x".repeat(120));
        List<EvidenceKeeper.Kept> round = new ArrayList<>();
        Instant t = Instant.parse("2026-09-01T08:00:00Z");
        for (int i = 0; i < 250; i++) {
            round.add(kept(hash("many" + i), i % 3 == 0 ? LookupOutcome.NOT_FOUND : LookupOutcome.FOUND,
                    departments.get(i % departments.size()), i % 2 == 0 ? null : t.minusSeconds(i), t.plusMillis(i),
                    i % 5 == 0 ? null : hash("sha" + i), "op." + "o".repeat(i % 100)));
        }
        try (EvidenceStore store = new EvidenceStore(jdbc)) {
            List<Evidence> evidence = store.keepAll(round);
            assertThat(evidence).hasSize(250);
            Map<UUID, Row> rows = stored(evidence);
            assertThat(rows).hasSize(250);
            for (int i = 0; i < 250; i++) {
                EvidenceKeeper.Kept k = round.get(i);
                Evidence e = evidence.get(i);
                assertThat(rows.get(e.id())).isEqualTo(new Row("HUKOU", k.operation(), k.subjectHash(),
                        k.answer().outcome().name(), k.answer().sourceDepartment(),
                        k.answer().recordTime() == null ? null : OffsetDateTime.parse(k.answer().recordTime().toString()),
                        OffsetDateTime.parse(k.answer().fetchedAt().toString()), k.answer().sha256()));
                assertThat(e.sourceDepartment()).isEqualTo(k.answer().sourceDepartment());
            }
        }
    }

    @Test
    void idsAreTimeOrderedSoTheKeyGrowsAtItsRightEdge() throws InterruptedException {
        try (EvidenceStore store = new EvidenceStore(jdbc)) {
            Instant t = Instant.parse("2026-09-01T08:00:00Z");
            List<Evidence> earlier = store.keepAll(List.of(kept(hash("early"), LookupOutcome.FOUND, "d", t, t, hash("e"), "op")));
            Thread.sleep(3);
            List<EvidenceKeeper.Kept> round = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                round.add(kept(hash("later" + i), LookupOutcome.FOUND, "d", t, t, hash("l" + i), "op"));
            }
            List<Evidence> later = store.keepAll(round);
            assertThat(later).extracting(e -> e.id().version()).containsOnly(7);
            assertThat(later).extracting(e -> e.id().variant()).containsOnly(2);
            assertThat(later).allSatisfy(e -> assertThat(e.id()).isGreaterThan(earlier.get(0).id()));
            assertThat(later.stream().map(Evidence::id).distinct().count()).isEqualTo(2000);
        }
    }

    @Test
    void anEmptyRoundWritesNothing() {
        try (EvidenceStore store = new EvidenceStore(jdbc)) {
            assertThat(store.keepAll(List.of())).isEmpty();
        }
    }
}
