package org.xuewei.platform.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * 入学申请 — one child's application for one season: the options chosen, the category the policy found, the reasons
 * for review, and a status that only changes through the methods below (illegal moves throw). Every move is appended
 * to {@link #timeline()}.
 */
public final class EnrollmentApplication {

    /** One step of the timeline. */
    public record Step(ApplicationStatus status, Instant at, String actor, List<ReviewReason> reasons) {
        public Step {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    private final UUID id;
    private final String number;
    private ApplicationStatus status;
    private List<ReviewReason> reasons = List.of();
    private final List<Step> timeline = new ArrayList<>();

    private EnrollmentApplication(UUID id, String number, ApplicationStatus status) {
        this.id = Objects.requireNonNull(id);
        this.number = Objects.requireNonNull(number);
        this.status = Objects.requireNonNull(status);
    }

    /** A new application, just submitted. */
    public static EnrollmentApplication submit(UUID id, String number, Instant at, String actor) {
        EnrollmentApplication a = new EnrollmentApplication(id, number, ApplicationStatus.SUBMITTED);
        a.timeline.add(new Step(ApplicationStatus.SUBMITTED, at, actor, List.of()));
        return a;
    }

    /** An application read back from storage. */
    public static EnrollmentApplication restore(UUID id, String number, ApplicationStatus status, List<ReviewReason> reasons,
                                                List<Step> timeline) {
        EnrollmentApplication a = new EnrollmentApplication(id, number, status);
        a.reasons = List.copyOf(reasons);
        a.timeline.addAll(timeline);
        return a;
    }

    /** Machine verification passed (or a reviewer approved). */
    public void verify(Instant at, String actor) {
        move(ApplicationStatus.VERIFIED, at, actor, List.of());
        reasons = List.of();
    }

    /** The parent changed the choices: submitted again, to be judged again; the old steps stay in the timeline. */
    public void resubmit(Instant at, String actor) {
        move(ApplicationStatus.SUBMITTED, at, actor, List.of());
        reasons = List.of();
    }

    /** A check failed: a person looks at it, with the reasons. */
    public void sendToReview(List<ReviewReason> why, Instant at, String actor) {
        if (why.isEmpty()) {
            throw new IllegalArgumentException("review needs a reason");
        }
        move(ApplicationStatus.IN_REVIEW, at, actor, why);
        reasons = List.copyOf(why);
    }

    /** A registry did not answer: taken as pending, verified automatically later. */
    public void awaitVerification(Instant at, String actor) {
        move(ApplicationStatus.PENDING_VERIFICATION, at, actor, List.of());
    }

    public void requestSupplement(Instant at, String actor) {
        move(ApplicationStatus.SUPPLEMENT_REQUESTED, at, actor, reasons);
    }

    public void supplementProvided(Instant at, String actor) {
        move(ApplicationStatus.IN_REVIEW, at, actor, reasons);
    }

    public void reject(Instant at, String actor) {
        move(ApplicationStatus.REJECTED, at, actor, reasons);
    }

    public void withdraw(Instant at, String actor) {
        move(ApplicationStatus.WITHDRAWN, at, actor, List.of());
    }

    private void move(ApplicationStatus next, Instant at, String actor, List<ReviewReason> why) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(status, next);
        }
        status = next;
        timeline.add(new Step(next, at, actor, why));
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }

    public ApplicationStatus status() {
        return status;
    }

    public List<ReviewReason> reasons() {
        return reasons;
    }

    public List<Step> timeline() {
        return List.copyOf(timeline);
    }

    /** The steps added since the first {@code known} ones (to append to storage). */
    public List<Step> stepsAfter(int known) {
        return List.copyOf(timeline.subList(Math.min(known, timeline.size()), timeline.size()));
    }
}
