package org.xuewei.platform.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.identity.PersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Applications in the review queue without going through the registries: rows as the application module stores them
 * (test set-up only; main code of the review module never names the application schema).
 */
final class ReviewFixtures {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcClient jdbc;
    private final PersonalData personal;
    private final int season;

    ReviewFixtures(JdbcClient jdbc, PersonalData personal, int season) {
        this.jdbc = jdbc;
        this.personal = personal;
        this.season = season;
    }

    /** A fresh 18-character ID number (not a valid one; the platform only hashes and encrypts it). */
    static String idNumber() {
        return "3601" + String.format("%013d", SERIAL.incrementAndGet()) + "X";
    }

    UUID application(String district, String guardianId, String childId, ApplicationStatus status, String reasons,
                     String note) {
        Instant now = Instant.now();
        UUID child = UUID.randomUUID();
        jdbc.sql("""
                        insert into application.child (id, guardian_hash, child_hash, child_cipher, name, birth_date, grade, season, created_at)
                        values (:id, :g, :c, :cipher, '王小明', :birth, 'G1', :season, :now)""")
                .param("id", child).param("g", personal.lookupHash(guardianId)).param("c", personal.lookupHash(childId))
                .param("cipher", personal.encrypt(childId)).param("birth", LocalDate.of(season - 6, 3, 1))
                .param("season", season).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into application.application (id, number, child_id, child_hash, guardian_hash, guardian_cipher, season,
                            grade, status, district_code, public_school, home_kind, home_ref, home_key, category_code, reasons, note,
                            idempotency_key, consent_at, submitted_at, updated_at)
                        values (:id, :number, :child, :c, :g, :gc, :season, 'G1', :status, :district, 'S-TEST', 'CERTIFICATE', 'h1',
                            :homeKey, 'C3', :reasons, :note, :key, :now, :now, :now)""")
                .param("id", id).param("number", "T" + SERIAL.incrementAndGet()).param("child", child)
                .param("c", personal.lookupHash(childId)).param("g", personal.lookupHash(guardianId))
                .param("gc", personal.encrypt(guardianId)).param("season", season).param("status", status.name())
                .param("district", district).param("homeKey", "0".repeat(64)).param("reasons", reasons)
                .param("note", note).param("key", id.toString()).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                        insert into application.application_step (application_id, status, occurred_at, actor, reasons)
                        values (:id, 'SUBMITTED', :now, 'parent', ''), (:id, :status, :now, 'system', :reasons)""")
                .param("id", id).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("status", status.name())
                .param("reasons", reasons).update();
        return id;
    }

    ApplicationStatus status(UUID id) {
        return ApplicationStatus.valueOf(jdbc.sql("select status from application.application where id = :id")
                .param("id", id).query(String.class).single());
    }
}
