package org.xuewei.platform.admission;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.engine.Allocation;
import org.xuewei.engine.Engine;
import org.xuewei.engine.Hex;
import org.xuewei.engine.Instance;
import org.xuewei.engine.InstanceBuilder;
import org.xuewei.engine.Mechanism;
import org.xuewei.engine.TieBreak;
import org.xuewei.platform.admission.allocation.AllocationPlanner;
import org.xuewei.platform.admission.store.DrawRecord;
import org.xuewei.platform.admission.store.DrawStore;
import org.xuewei.platform.admission.store.OfferStore;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.admission.store.RunStore;
import org.xuewei.platform.admission.store.Snapshots;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffRole;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 报到 — school and parent both confirm before the deadline (双确认); afterwards unconfirmed places are released
 * and a second batch fills them from the waiting children in the first batch's priority order (same choices, same
 * tiers, same lottery keys). Seats are taken by one conditional update each, so no school is ever over-filled.
 */
@Service
public class Arrivals {

    private final RunStore runs;
    private final DrawStore draws;
    private final OfferStore offers;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    Arrivals(RunStore runs, DrawStore draws, OfferStore offers, AuditLog audit, Clock clock,
             PlatformTransactionManager transactions) {
        this.runs = runs;
        this.draws = draws;
        this.offers = offers;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    public void confirmBySchool(StaffAccount by, long runId, String applicationNo) {
        tx.executeWithoutResult(status -> {
            RunRecord run = publishedRun(runId);
            AdmissionPermission.ARRIVAL_SCHOOL.check(by, run.districtCode());
            OfferStore.Offer offer = openOffer(runId, applicationNo);
            if (by.role() == StaffRole.SCHOOL && !offer.schoolCode().equals(by.schoolId())) {
                throw new AdmissionRefused("admission.refused.other-school");
            }
            if (!offers.confirmBySchool(runId, applicationNo, clock.instant())) {
                throw new AdmissionRefused("admission.refused.released");
            }
            audit.record(new AuditEntry(by.username(), AdmissionPermission.ARRIVAL_SCHOOL.action(),
                    "admission.offer:" + runId + ":" + applicationNo, "", offer.schoolCode()));
        });
    }

    /** The parent's confirmation; the application module calls it for its signed-in parent. */
    public void confirmByParent(String parent, String applicationNo) {
        tx.executeWithoutResult(status -> {
            Long runId = runs.publishedRunOf(applicationNo)
                    .orElseThrow(() -> new AdmissionRefused("admission.refused.no-offer"));
            openOffer(runId, applicationNo);
            if (!offers.confirmByParent(runId, applicationNo, clock.instant())) {
                throw new AdmissionRefused("admission.refused.released");
            }
            audit.record(new AuditEntry(parent, "admission.arrival.parent", "admission.offer:" + runId + ":"
                    + applicationNo, "", ""));
        });
    }

    /** After the deadline: releases what is not confirmed by both, then offers the seats to the waiting children. */
    public int releaseAndSecondBatch(StaffAccount by, long runId) {
        Integer placed = tx.execute(status -> {
            RunRecord run = runs.lock(runId).orElseThrow(() -> new AdmissionRefused("admission.refused.no-run"));
            AdmissionPermission.SECOND_BATCH.check(by, run.districtCode());
            if (!run.published()) {
                throw new AdmissionRefused("admission.refused.not-published");
            }
            if (clock.instant().isBefore(run.arrivalDeadline())) {
                throw new AdmissionRefused("admission.refused.before-deadline");
            }
            Map<String, Integer> released = offers.releaseUnconfirmed(runId, clock.instant());
            int n = secondBatch(run);
            audit.record(new AuditEntry(by.username(), AdmissionPermission.SECOND_BATCH.action(),
                    "admission.run:" + runId, "", "released " + released + "; second batch placed " + n));
            return n;
        });
        return placed == null ? 0 : placed;
    }

    private int secondBatch(RunRecord run) {
        DrawRecord draw = draws.find(run.drawId()).orElseThrow();
        AllocationPlanner.Plan plan = AllocationPlanner.freeze(Snapshots.input(draw.snapshot()));
        Set<String> waiting = new HashSet<>(offers.waiting(run.id()));
        InstanceBuilder b = new InstanceBuilder().format(Instance.FORMAT).mechanism(Mechanism.DEFERRED_ACCEPTANCE)
                .tieBreak(TieBreak.SINGLE);
        List<OfferStore.Seat> seats = offers.seats(run.id());
        seats.forEach(s -> b.school(s.schoolCode(), Math.max(0, s.capacity() - s.held())));
        Set<String> known = new HashSet<>(seats.stream().map(OfferStore.Seat::schoolCode).toList());
        plan.choices().forEach((id, list) -> {
            if (waiting.contains(id)) {
                b.student(id, list.stream().filter(c -> known.contains(c.school()))
                        .map(c -> InstanceBuilder.Choice.of(c.school(), c.tier(), c.points())).toList());
            }
        });
        plan.groups().stream().filter(waiting::containsAll).forEach(b::group);
        Instance inst = b.build();
        Allocation a = Engine.allocate(inst, Hex.parseDigest(draw.seed()));
        int placed = 0;
        int next = offers.offers(run.id()).stream().mapToInt(OfferStore.Offer::batch).max().orElse(1) + 1;
        // the second batch's window is as long as the first one's
        Instant deadline = clock.instant().plus(java.time.Duration.between(run.publishedAt(), run.arrivalDeadline()));
        for (int k = 0; k < inst.studentCount(); k++) {
            int i = inst.studentByIdOrder(k);
            String school = a.schoolIdOf(i);
            if (school != null && offers.take(run.id(), school)) {
                offers.offer(run.id(), inst.studentId(i), school, next, deadline);
                placed++;
            }
        }
        return placed;
    }

    private RunRecord publishedRun(long runId) {
        RunRecord run = runs.find(runId).orElseThrow(() -> new AdmissionRefused("admission.refused.no-run"));
        if (!run.published()) {
            throw new AdmissionRefused("admission.refused.not-published");
        }
        return run;
    }

    private OfferStore.Offer openOffer(long runId, String applicationNo) {
        OfferStore.Offer offer = offers.find(runId, applicationNo)
                .orElseThrow(() -> new AdmissionRefused("admission.refused.no-offer"));
        if (!clock.instant().isBefore(offer.deadline())) {
            throw new AdmissionRefused("admission.refused.after-deadline");
        }
        return offer;
    }
}
