package org.xuewei.platform.application.internal;

import jakarta.annotation.PreDestroy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.GroupCommit;
import org.xuewei.platform.application.ApplicationStatusChanged;
import org.xuewei.platform.application.ApplicationStatusesChanged;
import org.xuewei.platform.application.EnrollmentApplication;
import org.xuewei.platform.application.internal.ApplicationStore.ApplicationRow;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Writes new applications with group commit ({@link GroupCommit}): the submissions handed in at the same moment are
 * written in one transaction — the applications, their timelines and candidate facts in one statement, one
 * {@link ApplicationStatusesChanged} (the outbox writes its messages in bulk), the audit entries by
 * {@link AuditLog#recordAll} (last: the audit chains' rows stay locked until the commit). When that fails (a raced
 * double tap, the one-active-application rule), each submission is written again alone, so its caller gets the
 * failure it would have had on its own ({@link org.springframework.dao.DuplicateKeyException}) and the others their
 * application; nothing of a failed submission stays.
 */
@Component
public class SubmissionWriter {

    /** Submissions per transaction at most. */
    static final int BATCH = 64;

    /** One fully prepared submission: the row, its timeline, the facts it was judged on, its status event and audit entry. */
    public record Submission(ApplicationRow row, List<EnrollmentApplication.Step> steps, CandidateFacts.Recorded facts,
                             ApplicationStatusChanged changed, AuditEntry audit) {
    }

    private final ApplicationStore store;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final GroupCommit<Submission, Boolean> group;

    SubmissionWriter(ApplicationStore store, ApplicationEventPublisher events, AuditLog audit,
                     TransactionTemplate tx) {
        this.store = store;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.group = new GroupCommit<>("submissions", BATCH, this::writeAll);
    }

    /** Writes one submission (with the others handed in at the same moment); returns once it committed. */
    public void write(Submission submission) {
        group.write(submission);
    }

    /** These submissions as one batch, on this thread (each alone again if that fails); their outcomes in order. */
    List<CompletableFuture<Boolean>> writeTogether(List<Submission> submissions) {
        return group.writeTogether(submissions);
    }

    private List<Boolean> writeAll(List<Submission> submissions) {
        tx.executeWithoutResult(status -> {
            Map<UUID, List<EnrollmentApplication.Step>> steps = new LinkedHashMap<>();
            submissions.forEach(s -> steps.put(s.row().id(), s.steps()));
            // applications, timelines and candidate facts: one statement
            store.insertNew(submissions.stream().map(Submission::row).toList(), steps,
                    submissions.stream().map(Submission::facts).toList());
            List<ApplicationStatusChanged> changes = submissions.stream().map(Submission::changed).toList();
            events.publishEvent(new ApplicationStatusesChanged(changes));
            audit.recordAll(submissions.stream().map(Submission::audit).toList());
        });
        return submissions.stream().map(s -> Boolean.TRUE).toList();
    }

    @PreDestroy
    void close() {
        group.close();
    }
}
