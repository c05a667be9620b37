package org.xuewei.platform.application.internal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuewei.platform.PlatformTest;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.ApplicationStatusChanged;
import org.xuewei.platform.application.EnrollmentApplication;
import org.xuewei.platform.application.internal.ApplicationStore.ApplicationRow;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.policy.ChildFacts;
import org.xuewei.platform.policy.Grade;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Submissions written together (group commit): each caller gets its own outcome, and nothing is written by halves. */
@PlatformTest
class SubmissionWriterTests {

    static final int SEASON = 2091;

    @Autowired
    SubmissionWriter writer;
    @Autowired
    ApplicationStore store;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    static String hex64() {
        byte[] b = new byte[32];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    record Family(String guardian, String child, UUID childId) {
    }

    Family family() {
        String guardian = hex64();
        String child = hex64();
        UUID id = store.saveChild(guardian, child, "cipher", "孩子", LocalDate.of(2020, 3, 1), Grade.G1, SEASON, "HUKOU",
                Instant.now());
        return new Family(guardian, child, id);
    }

    SubmissionWriter.Submission submission(Family f, String key, String actorOfFirstStep) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        String number = store.nextNumber(SEASON, Grade.G1);
        ApplicationRow row = new ApplicationRow(id, number, f.childId(), f.child(), f.guardian(), "cipher", SEASON, Grade.G1,
                ApplicationStatus.VERIFIED, "360102", "S-1", null, "CERTIFICATE", "home-1", hex64(), "C1", 1, 12.5,
                "policy", List.of(), "", key, now, now);
        List<EnrollmentApplication.Step> steps = List.of(
                new EnrollmentApplication.Step(ApplicationStatus.SUBMITTED, now, actorOfFirstStep, List.of()),
                new EnrollmentApplication.Step(ApplicationStatus.VERIFIED, now, "system", List.of()));
        ChildFacts facts = new ChildFacts("c-" + number, LocalDate.of(2020, 3, 1), Grade.G1, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of());
        return new SubmissionWriter.Submission(row, steps,
                new CandidateFacts.Recorded(id, facts, "S-1", List.of("S-1", "S-2"), now),
                new ApplicationStatusChanged(id, number, "360102", f.guardian(), ApplicationStatus.SUBMITTED,
                        ApplicationStatus.VERIFIED, "", "parent-" + f.guardian().substring(0, 8), now),
                new AuditEntry("parent-" + f.guardian().substring(0, 8), "application.submitted", number, "127.0.0.1",
                        "VERIFIED []"));
    }

    /** Every part of a submission: the application, its timeline, its facts, its two messages, its audit entry. */
    long[] written(SubmissionWriter.Submission s) {
        UUID id = s.row().id();
        return new long[]{
                jdbc.sql("select count(*) from application.application where id = :id").param("id", id).query(Long.class).single(),
                jdbc.sql("select count(*) from application.application_step where application_id = :id").param("id", id).query(Long.class).single(),
                jdbc.sql("select count(*) from application.candidate_facts where application_id = :id").param("id", id).query(Long.class).single(),
                jdbc.sql("select count(*) from notification.outbox where subject_ref = :id").param("id", id).query(Long.class).single(),
                jdbc.sql("select count(*) from audit.audit_event where action = 'application.submitted' and subject = :n")
                        .param("n", s.row().number()).query(Long.class).single()};
    }

    @Test
    void a_batch_with_a_raced_double_tap_gives_every_other_caller_its_application_and_the_tap_the_duplicate() {
        Family tapped = family();
        SubmissionWriter.Submission first = submission(tapped, "tap", "parent");
        writer.write(first);
        // the same tap again (same key), raced past the checks, in one batch with two other families' submissions
        SubmissionWriter.Submission again = submission(tapped, "tap", "parent");
        SubmissionWriter.Submission a = submission(family(), "k-a", "parent");
        SubmissionWriter.Submission b = submission(family(), "k-b", "parent");

        List<CompletableFuture<SubmissionWriter.Submission>> outcomes = writer.writeTogether(List.of(a, again, b));

        assertThat(outcomes.get(0)).isCompletedWithValue(a);
        assertThat(outcomes.get(2)).isCompletedWithValue(b);
        assertThat(outcomes.get(1)).isCompletedExceptionally();
        assertThat(outcomes.get(1).handle((v, e) -> e).join()).isInstanceOf(DuplicateKeyException.class);
        assertThat(written(a)).containsExactly(1, 2, 1, 2, 1);
        assertThat(written(b)).containsExactly(1, 2, 1, 2, 1);
        assertThat(written(again)).containsExactly(0, 0, 0, 0, 0);
        assertThat(written(first)).containsExactly(1, 2, 1, 2, 1);
        assertThat(store.steps(a.row().id())).extracting(EnrollmentApplication.Step::status)
                .containsExactly(ApplicationStatus.SUBMITTED, ApplicationStatus.VERIFIED);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void a_submission_failing_in_a_later_table_leaves_nothing_of_itself_and_the_others_are_written_whole() {
        SubmissionWriter.Submission a = submission(family(), "k-a", "parent");
        // a timeline step without an actor: refused by the step table, after the application row was inserted
        SubmissionWriter.Submission broken = submission(family(), "k-broken", null);
        SubmissionWriter.Submission b = submission(family(), "k-b", "parent");

        List<CompletableFuture<SubmissionWriter.Submission>> outcomes = writer.writeTogether(List.of(a, broken, b));

        assertThat(outcomes.get(0)).isCompletedWithValue(a);
        assertThat(outcomes.get(1)).isCompletedExceptionally();
        assertThat(outcomes.get(2)).isCompletedWithValue(b);
        assertThat(written(broken)).containsExactly(0, 0, 0, 0, 0);
        assertThat(written(a)).containsExactly(1, 2, 1, 2, 1);
        assertThat(written(b)).containsExactly(1, 2, 1, 2, 1);
    }

    @Test
    void the_submissions_first_query_finds_the_key_the_active_application_and_another_familys_use_of_the_home() {
        Family a = family();
        SubmissionWriter.Submission written = submission(a, "k-home", "parent");
        writer.write(written);
        String home = written.row().homeKey();
        Family other = family();

        ApplicationStore.Existing forOther = store.existing(other.guardian(), "k-1", other.child(), SEASON, Grade.G1, home);
        assertThat(forOther.homeUsed()).as("another family applies with the home").isTrue();
        assertThat(forOther.sameKey()).isEmpty();
        assertThat(forOther.active()).isEmpty();
        assertThat(store.existing(other.guardian(), "k-1", other.child(), SEASON, Grade.G7, home).homeUsed()).isFalse();
        assertThat(store.existing(other.guardian(), "k-1", other.child(), SEASON, Grade.G1, hex64()).homeUsed()).isFalse();
        assertThat(store.existing(other.guardian(), "k-1", other.child(), SEASON, Grade.G1, null).homeUsed()).isFalse();
        // the same guardian (a sibling) is exempt
        assertThat(store.existing(a.guardian(), "k-2", hex64(), SEASON, Grade.G1, home).homeUsed()).isFalse();

        ApplicationStore.Existing again = store.existing(a.guardian(), "k-home", a.child(), SEASON, Grade.G1, home);
        assertThat(again.sameKey()).map(ApplicationRow::id).contains(written.row().id());
        assertThat(again.active()).map(ApplicationRow::id).contains(written.row().id());
        assertThat(again.homeUsed()).as("its own application does not lock its home").isFalse();
        ApplicationStore.Existing otherKey = store.existing(a.guardian(), "k-other", a.child(), SEASON, Grade.G1, null);
        assertThat(otherKey.sameKey()).isEmpty();
        assertThat(otherKey.active()).map(ApplicationRow::id).contains(written.row().id());

        ApplicationStore.ChildState state = store.childState(other.child(), SEASON, Grade.G1, other.guardian(), home);
        assertThat(state.homeUsed()).isTrue();
        assertThat(state.active()).isEmpty();
        assertThat(store.childState(a.child(), SEASON, Grade.G1, a.guardian(), home).active())
                .map(ApplicationRow::id).contains(written.row().id());
    }

    /** The submission judged on the home's use: to be judged again (IN_REVIEW) when another family uses it. */
    SubmissionWriter.Submission judgedOnHome(Family f, String key, String home, boolean used) {
        return judgedOnHome(submission(f, key, "parent"), home, used);
    }

    SubmissionWriter.Submission judgedOnHome(SubmissionWriter.Submission s, String home, boolean used) {
        ApplicationRow r = s.row();
        ApplicationStatus status = used ? ApplicationStatus.IN_REVIEW : ApplicationStatus.VERIFIED;
        ApplicationRow row = new ApplicationRow(r.id(), r.number(), r.childId(), r.childHash(), r.guardianHash(),
                r.guardianCipher(), r.season(), r.grade(), status, r.districtCode(), r.publicSchool(), r.privateSchool(),
                r.homeKind(), r.homeRef(), home, r.categoryCode(), r.categoryRank(), r.points(), r.policyRef(), r.reasons(),
                r.note(), r.idempotencyKey(), r.submittedAt(), r.updatedAt());
        List<EnrollmentApplication.Step> steps = List.of(s.steps().get(0),
                new EnrollmentApplication.Step(status, r.submittedAt(), "system", List.of()));
        return new SubmissionWriter.Submission(row, steps, s.facts(), s.changed(), s.audit(), used,
                u -> judgedOnHome(s, home, u));
    }

    @Test
    void the_writer_asks_whether_another_family_uses_the_home_and_judges_again_a_submission_judged_otherwise() {
        String home = hex64();
        writer.write(judgedOnHome(family(), "k-first", home, false));
        // judged a moment ago as if nobody used the home (as a submission right after its check is), in one batch
        // with a sibling-free family of another home and with one judged as if the home were used when it is not
        SubmissionWriter.Submission late = judgedOnHome(family(), "k-late", home, false);
        SubmissionWriter.Submission free = judgedOnHome(family(), "k-free", hex64(), true);
        SubmissionWriter.Submission plain = judgedOnHome(family(), "k-plain", hex64(), false);

        List<CompletableFuture<SubmissionWriter.Submission>> outcomes = writer.writeTogether(List.of(late, free, plain));

        SubmissionWriter.Submission lateWritten = outcomes.get(0).join();
        assertThat(lateWritten.homeUsed()).isTrue();
        assertThat(lateWritten.row().status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(outcomes.get(1).join().homeUsed()).isFalse();
        assertThat(outcomes.get(1).join().row().status()).isEqualTo(ApplicationStatus.VERIFIED);
        assertThat(outcomes.get(2).join()).isSameAs(plain);
        assertThat(jdbc.sql("select status from application.application where id = :id").param("id", late.row().id())
                .query(String.class).single()).isEqualTo("IN_REVIEW");
        assertThat(jdbc.sql("select status from application.application where id = :id").param("id", free.row().id())
                .query(String.class).single()).isEqualTo("VERIFIED");
        assertThat(store.steps(late.row().id())).extracting(EnrollmentApplication.Step::status)
                .containsExactly(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW);
    }

    @Test
    void many_callers_at_once_are_each_written_whole_and_answered_after_their_commit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<SubmissionWriter.Submission> all = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                all.add(submission(family(), "k-" + i, "parent"));
            }
            List<Future<UUID>> done = new ArrayList<>();
            for (SubmissionWriter.Submission s : all) {
                done.add(pool.submit(() -> {
                    writer.write(s);
                    // answered only once committed: another connection sees it
                    return jdbc.sql("select id from application.application where id = :id").param("id", s.row().id())
                            .query(UUID.class).single();
                }));
            }
            for (int i = 0; i < all.size(); i++) {
                assertThat(done.get(i).get()).isEqualTo(all.get(i).row().id());
                assertThat(written(all.get(i))).containsExactly(1, 2, 1, 2, 1);
            }
            assertThat(audit.verify().intact()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
