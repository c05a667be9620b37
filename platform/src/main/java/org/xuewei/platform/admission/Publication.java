package org.xuewei.platform.admission;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.admission.allocation.Placement;
import org.xuewei.platform.admission.notice.NoticeCodes;
import org.xuewei.platform.admission.store.OfferStore;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.admission.store.RunStore;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.identity.StaffAccount;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * 发布 — makes a drawn run final, exactly once per district, season and grade (an advisory lock, the run's
 * row lock and a unique index): offers and seats for arrival, one admission notice per placed child, the
 * {@link AdmissionPublished} event (the application module moves every child's status and the outbox gets the
 * messages, in bulk, in this transaction) and an audit event. One transaction: all of it or nothing.
 */
@Service
public class Publication {

    private final RunStore runs;
    private final OfferStore offers;
    private final NoticeCodes notices;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    Publication(RunStore runs, OfferStore offers, NoticeCodes notices, AuditLog audit,
                ApplicationEventPublisher events, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.runs = runs;
        this.offers = offers;
        this.notices = notices;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public void publish(StaffAccount by, long runId, Instant arrivalDeadline) {
        try {
            tx.executeWithoutResult(status -> publishInTransaction(by, runId, arrivalDeadline));
        } catch (DuplicateKeyException e) {
            throw new AdmissionRefused("admission.refused.already-published");
        }
    }

    private void publishInTransaction(StaffAccount by, long runId, Instant deadline) {
        RunRecord run = runs.lock(runId).orElseThrow(() -> new AdmissionRefused("admission.refused.no-run"));
        AdmissionPermission.PUBLISH.check(by, run.districtCode());
        if (run.dry() || run.drawId() == null) {
            throw new AdmissionRefused("admission.refused.dry-run");
        }
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) as locked")
                .param("key", "admission.publish:" + run.districtCode() + ":" + run.season() + ":" + run.grade())
                .query(Integer.class).single();
        if (run.published() || runs.published(run.districtCode(), run.season(), run.grade()).isPresent()) {
            throw new AdmissionRefused("admission.refused.already-published");
        }
        Instant now = clock.instant();
        if (deadline == null || !deadline.isAfter(now)) {
            throw new AdmissionRefused("admission.refused.deadline");
        }
        if (!runs.markPublished(runId, now, by.username(), deadline)) {
            throw new AdmissionRefused("admission.refused.already-published");
        }
        Map<String, String> schoolOf = new TreeMap<>();
        Map<String, Integer> held = new HashMap<>();
        for (Placement p : runs.placements(runId)) {
            if (p.placed()) {
                schoolOf.put(p.applicationNo(), p.schoolCode());
                held.merge(p.schoolCode(), 1, Integer::sum);
            }
        }
        Map<String, String> names = new HashMap<>();
        Map<String, int[]> seats = new TreeMap<>();
        // the run's summary lists every school of the frozen instance with its name and planned seats
        run.summary().schools().forEach(s -> {
            names.put(s.code(), s.name());
            int h = held.getOrDefault(s.code(), 0);
            seats.put(s.code(), new int[] {Math.max(s.seats(), h), h});
        });
        offers.seatAll(runId, seats);
        offers.offerAll(runId, schoolOf, 1, deadline);
        notices.issueAll(runId, schoolOf, names, now);
        events.publishEvent(new AdmissionPublished(runId, run.districtCode(), run.season(), run.grade(), schoolOf.size(),
                deadline));
        // last: the audit chain's lock is held until the commit, so other districts publishing meanwhile wait least
        audit.record(new AuditEntry(by.username(), AdmissionPermission.PUBLISH.action(), "admission.run:" + runId, "",
                run.districtCode() + " " + run.season() + " G" + run.grade() + ": " + schoolOf.size()
                        + " placed; arrival by " + deadline + "; resultSha256 " + run.resultSha256()));
    }
}
