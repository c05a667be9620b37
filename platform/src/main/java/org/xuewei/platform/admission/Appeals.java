package org.xuewei.platform.admission;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.admission.allocation.SchoolStats;
import org.xuewei.platform.admission.notice.NoticeCodes;
import org.xuewei.platform.admission.store.AppealStore;
import org.xuewei.platform.admission.store.OfferStore;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.admission.store.RunStore;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.identity.StaffAccount;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * 复议 — a parent appeals a published result within the policy calendar's APPEAL window, with a reason and
 * evidence; district staff uphold (placing the child at a school that still has a seat, never over the plan and
 * without displacing anyone) or dismiss it. Every step is audited.
 */
@Service
public class Appeals {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RunStore runs;
    private final OfferStore offers;
    private final AppealStore appeals;
    private final Inputs inputs;
    private final AuditLog audit;
    private final Clock clock;
    private final SecondBatches batches;
    private final NoticeCodes notices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    Appeals(RunStore runs, OfferStore offers, AppealStore appeals, Inputs inputs, AuditLog audit, Clock clock,
            SecondBatches batches, NoticeCodes notices, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.batches = batches;
        this.notices = notices;
        this.events = events;
        this.runs = runs;
        this.offers = offers;
        this.appeals = appeals;
        this.inputs = inputs;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The parent's appeal; the application module calls it for its signed-in parent. Returns the appeal's id. */
    public long submit(String parent, String applicationNo, String reason, String evidence) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 4 || why.length() > 2000) {
            throw new AdmissionRefused("admission.refused.appeal-reason");
        }
        try {
            Long id = tx.execute(status -> {
                long runId = runs.publishedRunOf(applicationNo)
                        .orElseThrow(() -> new AdmissionRefused("admission.refused.not-published"));
                RunRecord run = runs.find(runId).orElseThrow();
                LocalDateTime now = LocalDateTime.now(clock.withZone(CHINA));
                LocalDateTime[] window = inputs.appealWindow(run.districtCode(), run.season(), run.grade())
                        .orElseThrow(() -> new AdmissionRefused("admission.refused.appeal-window-none"));
                if (now.isBefore(window[0]) || !now.isBefore(window[1])) {
                    throw new AdmissionRefused("admission.refused.appeal-window", window[0], window[1]);
                }
                long appeal = appeals.submit(runId, applicationNo, why, evidence == null ? "" : evidence.strip(), parent,
                        clock.instant());
                audit.record(new AuditEntry(parent, "admission.appeal.submit", "admission.appeal:" + appeal, "",
                        "run " + runId));
                return appeal;
            });
            return id == null ? 0 : id;
        } catch (DuplicateKeyException e) {
            throw new AdmissionRefused("admission.refused.appeal-open");
        }
    }

    /** The APPEAL window (China time, start inclusive, end exclusive) for a published application, or empty. */
    public java.util.Optional<LocalDateTime[]> windowFor(String applicationNo) {
        return runs.publishedRunOf(applicationNo).flatMap(runs::find)
                .flatMap(run -> inputs.appealWindow(run.districtCode(), run.season(), run.grade()));
    }

    /** Upholds the appeal and places the child at {@code school}, if that school has a free seat. */
    public void uphold(StaffAccount by, long appealId, String school, String note) {
        decide(by, appealId, true, school, note);
    }

    public void dismiss(StaffAccount by, long appealId, String note) {
        decide(by, appealId, false, null, note);
    }

    public List<AppealStore.Appeal> of(long runId) {
        return appeals.of(runId);
    }

    private void decide(StaffAccount by, long appealId, boolean upheld, String school, String note) {
        tx.executeWithoutResult(status -> {
            AppealStore.Appeal a = appeals.lock(appealId)
                    .orElseThrow(() -> new AdmissionRefused("admission.refused.no-appeal"));
            RunRecord run = runs.lock(a.runId()).orElseThrow();
            AdmissionPermission.APPEAL_DECIDE.check(by, run.districtCode());
            if (!"SUBMITTED".equals(a.state())) {
                throw new AdmissionRefused("admission.refused.appeal-decided");
            }
            if (upheld) {
                if (batches.open(run.id()).isPresent()) {
                    // the open second-batch draw counted the free seats when it was frozen
                    throw new AdmissionRefused("admission.refused.second-batch-open");
                }
                if (school == null || school.isBlank() || !offers.take(a.runId(), school.strip())) {
                    throw new AdmissionRefused("admission.refused.appeal-full", school);
                }
                String code = school.strip();
                Instant now = clock.instant();
                Instant deadline = now.plus(Duration.between(run.publishedAt(), run.arrivalDeadline()));
                offers.move(a.runId(), a.applicationNo(), code, deadline);
                String name = run.summary().schools().stream().filter(s -> s.code().equals(code)).findFirst()
                        .map(SchoolStats::name).orElse(code);
                // the old notice named the old school: it is withdrawn (its link says "not found") and a new one issued
                notices.reissue(run.id(), a.applicationNo(), code, name, now);
                int batch = offers.find(run.id(), a.applicationNo()).map(OfferStore.Offer::batch).orElse(0);
                events.publishEvent(new AdmissionOfferMade(run.id(), a.applicationNo(), run.districtCode(),
                        run.season(), run.grade(), code, name, AdmissionOfferMade.APPEAL_UPHELD, batch, deadline, now));
            }
            appeals.decide(appealId, upheld ? "UPHELD" : "DISMISSED", by.username(), clock.instant(), note,
                    upheld ? school.strip() : null);
            audit.record(new AuditEntry(by.username(), AdmissionPermission.APPEAL_DECIDE.action(),
                    "admission.appeal:" + appealId, "", (upheld ? "upheld → " + school : "dismissed")
                    + (note == null || note.isBlank() ? "" : ": " + note)));
        });
    }
}
