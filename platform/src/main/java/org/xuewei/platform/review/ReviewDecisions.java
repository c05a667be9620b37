package org.xuewei.platform.review;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.IllegalTransitionException;
import org.xuewei.platform.application.ReviewDesk;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.review.internal.ReviewStore;

import java.time.Clock;
import java.util.UUID;

/**
 * The reviewer's commands (人工审核决定). Each checks that the reviewer belongs to the district, moves the application
 * through {@link ReviewDesk} (which refuses illegal moves and publishes the status change the parent is notified of)
 * and writes an audit event, all in one transaction. A rejection takes two people: one proposes it with a reason, a
 * different reviewer or administrator of the same district confirms it.
 */
@Service
public class ReviewDecisions {

    static final int MAX_TEXT = 500;

    private final ReviewDesk desk;
    private final ReviewStore store;
    private final AuditLog audit;
    private final Clock clock;

    ReviewDecisions(ReviewDesk desk, ReviewStore store, AuditLog audit, Clock clock) {
        this.desk = desk;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void approve(String district, UUID id, String category, Reviewer reviewer) {
        allowed(district, reviewer);
        if (category == null || category.isBlank()) {
            throw new ReviewRefusedException("review.error.category");
        }
        try {
            var changed = guarded(() -> desk.approve(district, id, category.strip(), reviewer.username()));
            store.takeProposal(id);
            store.record(id, district, "APPROVED", reviewer.username(), null, category.strip(), "", clock.instant());
            audit.record(new AuditEntry(reviewer.username(), "review.approved", changed.number(), reviewer.clientIp(),
                    "category " + category.strip()));
        } catch (IllegalArgumentException e) {
            throw new ReviewRefusedException("review.error.category");
        }
    }

    @Transactional
    public void requestSupplement(String district, UUID id, String message, Reviewer reviewer) {
        allowed(district, reviewer);
        String text = text(message, "review.error.message");
        var changed = guarded(() -> desk.requestSupplement(district, id, text, reviewer.username()));
        store.takeProposal(id);
        store.record(id, district, "SUPPLEMENT_REQUESTED", reviewer.username(), null, null, text, clock.instant());
        audit.record(new AuditEntry(reviewer.username(), "review.supplement.requested", changed.number(),
                reviewer.clientIp(), text));
    }

    /** The first reviewer's half of a rejection: nothing changes for the parent yet. */
    @Transactional
    public void proposeRejection(String district, UUID id, String reason, Reviewer reviewer) {
        allowed(district, reviewer);
        String text = text(reason, "review.error.reason");
        ApplicationStatus status = desk.status(district, id);
        if (!status.canMoveTo(ApplicationStatus.REJECTED)) {
            throw new ReviewRefusedException("review.error.illegal-move");
        }
        if (!store.propose(id, district, text, reviewer.username(), clock.instant())) {
            throw new ReviewRefusedException("review.error.proposal-open");
        }
        store.record(id, district, "REJECTION_PROPOSED", reviewer.username(), null, null, text, clock.instant());
        audit.record(new AuditEntry(reviewer.username(), "review.rejection.proposed", id.toString(), reviewer.clientIp(), text));
    }

    /** The second reviewer's half: must be someone else of the same district. */
    @Transactional
    public void confirmRejection(String district, UUID id, Reviewer reviewer) {
        allowed(district, reviewer);
        desk.status(district, id); // not found for another district's id
        var proposal = store.proposal(id).orElseThrow(() -> new ReviewRefusedException("review.error.no-proposal"));
        if (proposal.proposedBy().equals(reviewer.username())) {
            throw new ReviewRefusedException("review.error.same-reviewer");
        }
        var changed = guarded(() -> desk.reject(district, id, proposal.reason(), reviewer.username()));
        store.takeProposal(id);
        store.record(id, district, "REJECTED", proposal.proposedBy(), reviewer.username(), null, proposal.reason(),
                clock.instant());
        audit.record(new AuditEntry(reviewer.username(), "review.rejected", changed.number(), reviewer.clientIp(),
                "proposed by " + proposal.proposedBy() + ": " + proposal.reason()));
    }

    /** Either reviewer drops an open proposal. */
    @Transactional
    public void withdrawRejection(String district, UUID id, Reviewer reviewer) {
        allowed(district, reviewer);
        desk.status(district, id);
        var proposal = store.takeProposal(id).orElseThrow(() -> new ReviewRefusedException("review.error.no-proposal"));
        store.record(id, district, "REJECTION_WITHDRAWN", reviewer.username(), null, null, proposal.reason(), clock.instant());
        audit.record(new AuditEntry(reviewer.username(), "review.rejection.withdrawn", id.toString(), reviewer.clientIp(), ""));
    }

    /** The child's full ID number, for a typed reason; who saw it, whose and why goes to the audit log (access log). */
    @Transactional
    public String reveal(String district, UUID id, String reason, Reviewer reviewer) {
        allowed(district, reviewer);
        String text = text(reason, "review.error.reveal-reason");
        String idNumber = desk.childIdNumber(district, id)
                .orElseThrow(org.xuewei.platform.application.ApplicationNotFoundException::new);
        audit.record(new AuditEntry(reviewer.username(), "review.personal-data.revealed", id.toString(),
                reviewer.clientIp(), "child id number; reason: " + text));
        return idNumber;
    }

    static void allowed(String district, Reviewer reviewer) {
        if (reviewer == null || !reviewer.mayDecide(district)) {
            throw new AccessDeniedException("only the district's reviewers decide");
        }
    }

    /** Reading cases and files: the district's staff and the city administrator (URL security lets them in). */
    static void allowedToView(String district, Reviewer reviewer) {
        if (reviewer == null || !(reviewer.mayDecide(district)
                || reviewer.role() == org.xuewei.platform.identity.StaffRole.CITY_ADMIN)) {
            throw new AccessDeniedException("only the district's staff");
        }
    }

    static String text(String value, String key) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new ReviewRefusedException(key);
        }
        if (text.length() > MAX_TEXT) {
            throw new ReviewRefusedException("review.error.too-long");
        }
        return text;
    }

    private static <T> T guarded(java.util.function.Supplier<T> move) {
        try {
            return move.get();
        } catch (IllegalTransitionException e) {
            throw new ReviewRefusedException("review.error.illegal-move");
        }
    }
}
