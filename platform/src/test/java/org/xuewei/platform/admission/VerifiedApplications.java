package org.xuewei.platform.admission;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.identity.PersonalData;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Test set-up only: a verified G1 application (child, application, its two timeline steps) as the application module stores it. */
final class VerifiedApplications {

    private VerifiedApplications() {
    }

    static UUID insert(JdbcClient jdbc, PersonalData personal, String guardian, String childId, String number, int season,
                       String district, String category) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID child = UUID.randomUUID();
        jdbc.sql("""
                        insert into application.child (id, guardian_hash, child_hash, child_cipher, name, birth_date, grade, season, created_at)
                        values (:id, :g, :c, :cipher, '李小华', :birth, 'G1', :season, :now)""")
                .param("id", child).param("g", personal.lookupHash(guardian)).param("c", personal.lookupHash(childId))
                .param("cipher", personal.encrypt(childId)).param("birth", LocalDate.of(season - 6, 3, 1))
                .param("season", season).param("now", now).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into application.application (id, number, child_id, child_hash, guardian_hash, guardian_cipher, season,
                            grade, status, district_code, public_school, home_kind, home_ref, home_key, category_code, reasons, note,
                            idempotency_key, consent_at, submitted_at, updated_at)
                        values (:id, :number, :child, :c, :g, :gc, :season, 'G1', 'VERIFIED', :district, 'S1', 'CERTIFICATE', 'h1',
                            :homeKey, :category, '', '', :key, :now, :now, :now)""")
                .param("id", id).param("number", number).param("child", child)
                .param("c", personal.lookupHash(childId)).param("g", personal.lookupHash(guardian))
                .param("gc", personal.encrypt(guardian)).param("season", season)
                .param("district", district).param("homeKey", "0".repeat(64)).param("category", category)
                .param("key", id.toString()).param("now", now).update();
        jdbc.sql("""
                        insert into application.application_step (application_id, status, occurred_at, actor, reasons)
                        values (:id, 'SUBMITTED', :now, 'parent', ''), (:id, 'VERIFIED', :now, 'system', '')""")
                .param("id", id).param("now", now).update();
        return id;
    }
}
