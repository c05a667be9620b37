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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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

    /**
     * One fully prepared submission: the row, its timeline, the facts it was judged on, its status event and audit
     * entry.
     *
     * @param homeUsed whether the judgement took the home as used by another family (学位锁定); null when the judgement
     *                 did not depend on it (pending verification)
     * @param rejudge  the same submission judged again with the other answer to {@code homeUsed}: the writer asks
     *                 whether another family uses the home in the batch's transaction, and a submission judged on the
     *                 other answer is judged again before it is written
     */
    public record Submission(ApplicationRow row, List<EnrollmentApplication.Step> steps, CandidateFacts.Recorded facts,
                             ApplicationStatusChanged changed, AuditEntry audit, Boolean homeUsed,
                             Function<Boolean, Submission> rejudge) {

        /** A submission whose judgement does not depend on the home's use. */
        public Submission(ApplicationRow row, List<EnrollmentApplication.Step> steps, CandidateFacts.Recorded facts,
                          ApplicationStatusChanged changed, AuditEntry audit) {
            this(row, steps, facts, changed, audit, null, null);
        }
    }

    private final ApplicationStore store;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final GroupCommit<Submission, Submission> group;

    SubmissionWriter(ApplicationStore store, ApplicationEventPublisher events, AuditLog audit,
                     TransactionTemplate tx) {
        this.store = store;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.group = new GroupCommit<>("submissions", BATCH, this::writeAll);
    }

    /**
     * Writes one submission (with the others handed in at the same moment); returns once it committed, with the
     * submission as written (judged again when the home's use was not what it was judged on).
     */
    public Submission write(Submission submission) {
        return group.write(submission);
    }

    /** These submissions as one batch, on this thread (each alone again if that fails); their outcomes in order. */
    List<CompletableFuture<Submission>> writeTogether(List<Submission> submissions) {
        return group.writeTogether(submissions);
    }

    private List<Submission> writeAll(List<Submission> batch) {
        return tx.execute(status -> {
            List<Submission> submissions = homesChecked(batch);
            Map<UUID, List<EnrollmentApplication.Step>> steps = new LinkedHashMap<>();
            submissions.forEach(s -> steps.put(s.row().id(), s.steps()));
            // applications, timelines and candidate facts: one statement
            store.insertNew(submissions.stream().map(Submission::row).toList(), steps,
                    submissions.stream().map(Submission::facts).toList());
            List<ApplicationStatusChanged> changes = submissions.stream().map(Submission::changed).toList();
            events.publishEvent(new ApplicationStatusesChanged(changes));
            audit.recordAll(submissions.stream().map(Submission::audit).toList());
            return submissions;
        });
    }

    /**
     * Whether another family applies with each submission's home, asked for the whole batch in one query in its
     * transaction (the submissions are written by this one writer, so none written before is missed); a submission
     * judged on the other answer is judged again.
     */
    private List<Submission> homesChecked(List<Submission> batch) {
        List<Integer> asked = new ArrayList<>(batch.size());
        List<ApplicationStore.HomeUse> uses = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Submission s = batch.get(i);
            if (s.homeUsed() != null) {
                ApplicationRow r = s.row();
                asked.add(i);
                uses.add(new ApplicationStore.HomeUse(r.homeKey(), r.season(), r.grade(), r.guardianHash(), r.childHash()));
            }
        }
        if (asked.isEmpty()) {
            return batch;
        }
        boolean[] used = store.homesUsed(uses);
        List<Submission> checked = new ArrayList<>(batch);
        for (int k = 0; k < asked.size(); k++) {
            Submission s = batch.get(asked.get(k));
            if (used[k] != s.homeUsed()) {
                checked.set(asked.get(k), s.rejudge().apply(used[k]));
            }
        }
        return checked;
    }

    @PreDestroy
    void close() {
        group.close();
    }
}
