package org.xuewei.platform.application;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application's state machine refuses illegal moves and records every legal one. */
class EnrollmentApplicationTests {

    final Instant now = Instant.parse("2027-07-15T01:00:00Z");

    @Test
    void submitted_then_verified() {
        EnrollmentApplication a = EnrollmentApplication.submit(UUID.randomUUID(), "2027G100000001", now, "p");
        a.verify(now, "system");
        assertThat(a.status()).isEqualTo(ApplicationStatus.VERIFIED);
        assertThat(a.timeline()).extracting(EnrollmentApplication.Step::status)
                .containsExactly(ApplicationStatus.SUBMITTED, ApplicationStatus.VERIFIED);
    }

    @Test
    void pending_then_review_then_supplement_then_review() {
        EnrollmentApplication a = EnrollmentApplication.submit(UUID.randomUUID(), "n", now, "p");
        a.awaitVerification(now, "system");
        a.sendToReview(List.of(ReviewReason.HOME_LOCKED), now, "system");
        a.requestSupplement(now, "reviewer");
        a.supplementProvided(now, "p");
        assertThat(a.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(a.reasons()).containsExactly(ReviewReason.HOME_LOCKED);
    }

    @Test
    void illegal_moves_are_refused() {
        EnrollmentApplication a = EnrollmentApplication.submit(UUID.randomUUID(), "n", now, "p");
        assertThatThrownBy(() -> a.requestSupplement(now, "r")).isInstanceOf(IllegalTransitionException.class);
        a.withdraw(now, "p");
        assertThatThrownBy(() -> a.verify(now, "system")).isInstanceOf(IllegalTransitionException.class);
        assertThat(a.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThatThrownBy(() -> EnrollmentApplication.submit(UUID.randomUUID(), "n", now, "p")
                .sendToReview(List.of(), now, "s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_status_has_a_label_key_not_its_name() {
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertThat(s.labelKey()).startsWith("application.status.");
        }
        assertThat(ApplicationStatus.REJECTED.active()).isFalse();
        assertThat(ApplicationStatus.IN_REVIEW.active()).isTrue();
    }
}
