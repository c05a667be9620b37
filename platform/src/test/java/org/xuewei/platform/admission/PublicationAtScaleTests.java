package org.xuewei.platform.admission;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.TestAccounts;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffRole;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Publication of a district with more children than one bulk statement takes (10,000): every child's offer, notice,
 * status move (two timeline steps) and two outbox messages, all in one transaction — a failure in the last chunk of
 * the last write leaves nothing behind, and a repeated event moves nothing twice.
 */
@PlatformTest
@Import(InMemorySources.class)
class PublicationAtScaleTests {

    static final String DISTRICT = "360111";
    static final int CHILDREN = 10_500;

    @Autowired JdbcClient jdbc;
    @Autowired StaffAccounts accounts;
    @Autowired LotteryDraws draws;
    @Autowired Publication publication;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    StaffAccount admin;

    /**
     * The shared database's outbox is read oldest first by other tests' dispatcher calls: the 21,000 messages this test
     * leaves would stand in front of theirs.
     */
    @AfterEach
    void outboxEmptied() {
        jdbc.sql("""
                        delete from notification.outbox o using application.application a
                        where a.id = o.subject_ref and a.number like 'PS%'""").update();
    }

    @BeforeEach
    void accounts() {
        admin = TestAccounts.ensure(accounts, "scale-admin-" + DISTRICT, StaffRole.DISTRICT_ADMIN, DISTRICT, null).account();
    }

    /** {@code n} verified applications numbered {@code prefix + i} as the application module stores them (set-up only). */
    void applications(String prefix, int season, int n) {
        jdbc.sql("""
                        insert into application.child (id, guardian_hash, child_hash, child_cipher, name, birth_date, grade,
                            season, created_at)
                        select md5(:p || i)::uuid, md5('g' || :p || i) || md5('G' || :p || i),
                            md5('c' || :p || i) || md5('C' || :p || i), 'cipher', '李小华', make_date(:season - 6, 3, 1),
                            'G1', :season, now()
                        from generate_series(1, :n) as i""")
                .param("p", prefix).param("season", season).param("n", n).update();
        jdbc.sql("""
                        insert into application.application (id, number, child_id, child_hash, guardian_hash, guardian_cipher,
                            season, grade, status, district_code, public_school, home_kind, home_ref, home_key,
                            category_code, reasons, note, idempotency_key, consent_at, submitted_at, updated_at)
                        select md5('a' || :p || i)::uuid, :p || i, md5(:p || i)::uuid,
                            md5('c' || :p || i) || md5('C' || :p || i), md5('g' || :p || i) || md5('G' || :p || i),
                            'cipher', :season, 'G1', 'VERIFIED', :district, 'S1', 'CERTIFICATE', 'h' || i, repeat('0', 64),
                            'C3', '', '', 'k' || i, now(), now(), now()
                        from generate_series(1, :n) as i""")
                .param("p", prefix).param("season", season).param("n", n).param("district", DISTRICT).update();
        jdbc.sql("""
                        insert into application.application_step (application_id, status, occurred_at, actor, reasons)
                        select md5('a' || :p || i)::uuid, 'VERIFIED', now(), 'system', ''
                        from generate_series(1, :n) as i""")
                .param("p", prefix).param("n", n).update();
        Season s = new Season().school("S1", 6_000, 0).school("S2", 6_000, 3);
        for (int i = 1; i <= n; i++) {
            s.child(prefix + i, 3, "S1");
        }
        InMemorySources.put(DISTRICT, season, 1, s);
    }

    long drawn(int season) {
        long drawId = draws.freeze(admin, DISTRICT, season, 1, "");
        draws.commit(admin, drawId, "public value " + season);
        return draws.draw(admin, drawId, "07 11 23", List.of("见证人 甲"));
    }

    long count(String sql, String prefix) {
        return jdbc.sql(sql).param("p", prefix + "%").query(Long.class).single();
    }

    static final String STATUSES_PUBLISHED =
            "select count(*) from application.application where number like :p and status = 'PUBLISHED'";
    static final String STEPS = """
            select count(*) from application.application_step s join application.application a on a.id = s.application_id
            where a.number like :p""";
    static final String OUTBOX = """
            select count(*) from notification.outbox o join application.application a on a.id = o.subject_ref
            where a.number like :p and o.message_key = 'notification.status.PUBLISHED'""";
    static final String OFFERS = "select count(*) from admission.offer where application_no like :p";
    static final String NOTICES = "select count(*) from admission.notice where application_no like :p";

    @Test
    void a_failure_in_the_last_write_leaves_nothing_and_the_retry_publishes_every_child_once() {
        int season = 2081;
        String prefix = "PS" + season + "-";
        applications(prefix, season, CHILDREN);
        long run = drawn(season);
        Instant deadline = InMemorySources.CLOCK.instant().plus(Duration.ofDays(7));
        // the outbox refuses the last child's message: the last statement of the publication fails
        String last = jdbc.sql("select guardian_hash from application.application where number = :n")
                .param("n", prefix + CHILDREN).query(String.class).single();
        jdbc.sql("""
                create function notification.refuse_one() returns trigger language plpgsql as $$
                begin
                    if new.recipient = '%s' then raise exception 'refused by the test'; end if;
                    return new;
                end $$""".formatted(last)).update();
        jdbc.sql("""
                create trigger refuse_one before insert on notification.outbox
                for each row execute function notification.refuse_one()""").update();
        try {
            assertThatThrownBy(() -> publication.publish(admin, run, deadline)).hasMessageContaining("refused by the test");
        } finally {
            jdbc.sql("drop trigger refuse_one on notification.outbox").update();
            jdbc.sql("drop function notification.refuse_one()").update();
        }
        assertThat(jdbc.sql("select published_at is null from admission.run where id = :id").param("id", run)
                .query(Boolean.class).single()).isTrue();
        assertThat(count(OFFERS, prefix)).isZero();
        assertThat(count(NOTICES, prefix)).isZero();
        assertThat(count(STATUSES_PUBLISHED, prefix)).isZero();
        assertThat(count(STEPS, prefix)).isEqualTo(CHILDREN);
        assertThat(count(OUTBOX, prefix)).isZero();
        assertThat(jdbc.sql("select count(*) from admission.seat where run_id = :id").param("id", run)
                .query(Long.class).single()).isZero();

        publication.publish(admin, run, deadline);

        long placed = jdbc.sql("select count(*) from admission.placement where run_id = :id and school_code is not null")
                .param("id", run).query(Long.class).single();
        assertThat(placed).isGreaterThanOrEqualTo(6_000);
        assertThat(count(OFFERS, prefix)).isEqualTo(placed);
        assertThat(count(NOTICES, prefix)).isEqualTo(placed);
        assertThat(jdbc.sql("select count(distinct code) from admission.notice where run_id = :id").param("id", run)
                .query(Long.class).single()).isEqualTo(placed);
        assertThat(jdbc.sql("select sum(held) from admission.seat where run_id = :id").param("id", run)
                .query(Long.class).single()).isEqualTo(placed);
        assertThat(count(STATUSES_PUBLISHED, prefix)).isEqualTo(CHILDREN);
        assertThat(count(STEPS, prefix)).isEqualTo(3L * CHILDREN);
        assertThat(count(OUTBOX, prefix)).isEqualTo(2L * CHILDREN);
        // each child's timeline in order, by the system
        assertThat(jdbc.sql("""
                        select string_agg(s.status || '/' || s.actor, ' ' order by s.id) from application.application_step s
                        join application.application a on a.id = s.application_id where a.number = :n""")
                .param("n", prefix + CHILDREN).query(String.class).single())
                .isEqualTo("VERIFIED/system ALLOCATED/system PUBLISHED/system");
        // one SMS and one inbox message per child, to the child's guardian
        assertThat(jdbc.sql("""
                        select count(*) from notification.outbox o join application.application a on a.id = o.subject_ref
                        where a.number like :p and o.recipient = a.guardian_hash and o.args = a.number""")
                .param("p", prefix + "%").query(Long.class).single()).isEqualTo(2L * CHILDREN);
        assertThat(jdbc.sql("""
                        select count(*) from notification.outbox o join application.application a on a.id = o.subject_ref
                        where a.number like :p group by o.channel""")
                .param("p", prefix + "%").query(Long.class).list()).containsExactly((long) CHILDREN, (long) CHILDREN);

        // the event again (a retried listener): nothing moves twice, nobody is told twice
        tx.executeWithoutResult(status -> events.publishEvent(new AdmissionPublished(run, DISTRICT, season, 1,
                (int) placed, deadline)));
        assertThat(count(STEPS, prefix)).isEqualTo(3L * CHILDREN);
        assertThat(count(OUTBOX, prefix)).isEqualTo(2L * CHILDREN);
        assertThatThrownBy(() -> publication.publish(admin, run, deadline)).isInstanceOf(AdmissionRefused.class);
    }
}
