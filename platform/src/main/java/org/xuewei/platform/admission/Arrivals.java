package org.xuewei.platform.admission;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.admission.store.DrawRecord;
import org.xuewei.platform.admission.store.OfferStore;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.admission.store.RunStore;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffRole;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 报到 — school and parent both confirm before the deadline (双确认); afterwards unconfirmed places are released
 * and a second batch (第二批次补录) fills them from the waiting children in the first batch's priority order (same
 * choices, same tiers and points) by a lottery draw of its own with the same ceremony and public page as the first
 * ({@link SecondBatches}). Seats are taken by one conditional update each, so no school is ever over-filled.
 */
@Service
public class Arrivals {

    private final RunStore runs;
    private final OfferStore offers;
    private final AuditLog audit;
    private final Clock clock;
    private final SecondBatches batches;
    private final TransactionTemplate tx;

    Arrivals(RunStore runs, SecondBatches batches, OfferStore offers, AuditLog audit, Clock clock,
             PlatformTransactionManager transactions) {
        this.runs = runs;
        this.batches = batches;
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

    /**
     * What starting the second batch did: seats released per school, and the second-batch draw (补录) that will fill
     * them — frozen now, then committed and drawn with the ceremony like the first draw — or {@code null} when no
     * waiting child wants a school with a free seat.
     */
    public record Release(Map<String, Integer> released, Long drawId) {

        public int releasedSeats() {
            return released.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * After the deadline: releases what is not confirmed by both and freezes the second batch's draw over the free
     * seats. While a second-batch draw of the run is open, it is returned and nothing is released.
     */
    public Release releaseAndSecondBatch(StaffAccount by, long runId) {
        return tx.execute(status -> {
            RunRecord run = runs.lock(runId).orElseThrow(() -> new AdmissionRefused("admission.refused.no-run"));
            AdmissionPermission.SECOND_BATCH.check(by, run.districtCode());
            if (!run.published()) {
                throw new AdmissionRefused("admission.refused.not-published");
            }
            if (clock.instant().isBefore(run.arrivalDeadline())) {
                throw new AdmissionRefused("admission.refused.before-deadline");
            }
            Optional<DrawRecord> open = batches.open(runId);
            if (open.isPresent()) {
                return new Release(Map.of(), open.get().id());
            }
            Map<String, Integer> released = offers.releaseUnconfirmed(runId, clock.instant());
            Long draw = batches.freeze(run, clock.instant(), by.username()).orElse(null);
            audit.record(new AuditEntry(by.username(), AdmissionPermission.SECOND_BATCH.action(),
                    "admission.run:" + runId, "", "released " + released + "; second batch "
                    + (draw == null ? "not needed (no waiting child wants a free seat)" : "draw " + draw + " frozen")));
            return new Release(released, draw);
        });
    }

    /** The second-batch draws of a published run, oldest first. */
    public List<DrawRecord> secondBatches(long runId) {
        return batches.of(runId);
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
