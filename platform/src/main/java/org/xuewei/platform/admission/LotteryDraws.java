package org.xuewei.platform.admission;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.engine.Hex;
import org.xuewei.engine.SeedCeremony;
import org.xuewei.platform.admission.allocation.AllocationPlanner;
import org.xuewei.platform.admission.allocation.Outcome;
import org.xuewei.platform.admission.store.DrawRecord;
import org.xuewei.platform.admission.store.DrawStore;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.admission.store.RunStore;
import org.xuewei.platform.admission.store.Snapshots;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.identity.StaffAccount;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * 摇号仪式 (LOTTERY.md §4): freeze and publish the instance; publish the commitment to the bureau's secret and
 * the name of the future public value; at the draw, take the public value and the witnesses' values, compute the
 * seed with the engine, run, publish. Every step is stored before the next begins and the result is a pure function
 * of the frozen snapshot and the seed, so a draw interrupted at any point and run again gives the identical result.
 */
@Service
public class LotteryDraws {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Inputs inputs;
    private final DrawStore draws;
    private final RunStore runs;
    private final AuditLog audit;
    private final Clock clock;
    private final SecondBatches batches;
    private final TransactionTemplate tx;

    LotteryDraws(Inputs inputs, DrawStore draws, RunStore runs, SecondBatches batches, AuditLog audit, Clock clock,
                 PlatformTransactionManager transactions) {
        this.inputs = inputs;
        this.batches = batches;
        this.draws = draws;
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Step 1: freezes the verified applications and publishes the instance (no seed) and its SHA-256. */
    public long freeze(StaffAccount by, String district, int season, int grade, String excludeReason) {
        AdmissionPermission.DRAW_FREEZE.check(by, district);
        return tx.execute(status -> {
            if (runs.published(district, season, grade).isPresent()) {
                throw new AdmissionRefused("admission.refused.already-published");
            }
            Inputs.Selection sel = inputs.select(district, season, grade, excludeReason);
            AllocationPlanner.Plan plan = AllocationPlanner.freeze(sel.input());
            String code = district + "-" + season + "-g" + grade + "-" + Hex.of(random(5));
            long id = draws.freeze(code, district, season, grade, Snapshots.write(sel.input()), plan.instanceJson(),
                    plan.inputSha256(), sel.input().candidates().size(), sel.excluded(), sel.excludedReason(),
                    clock.instant(), by.username());
            audit.record(new AuditEntry(by.username(), AdmissionPermission.DRAW_FREEZE.action(), "admission.draw:" + code,
                    "", "inputSha256 " + plan.inputSha256() + (sel.excluded() > 0
                    ? "; excluded " + sel.excluded() + " unverified: " + sel.excludedReason() : "")));
            return id;
        });
    }

    /** Step 2: the commitment SHA-256(secret) to a fresh random secret, and the name of the future public value. */
    public void commit(StaffAccount by, long drawId, String publicValueName) {
        String name = CeremonyValues.publicValueName(publicValueName);
        tx.executeWithoutResult(status -> {
            DrawRecord d = draws.lock(drawId).orElseThrow(() -> new AdmissionRefused("admission.refused.no-draw"));
            AdmissionPermission.DRAW_COMMIT.check(by, d.districtCode());
            String secret = Hex.of(random(32));
            String commitment = SeedCeremony.commitment(secret);
            if (!draws.commit(drawId, commitment, secret, name, clock.instant())) {
                throw new AdmissionRefused("admission.refused.draw-state", d.state());
            }
            audit.record(new AuditEntry(by.username(), AdmissionPermission.DRAW_COMMIT.action(),
                    "admission.draw:" + d.code(), "", "commitment " + commitment + "; public value: " + name));
        });
    }

    /**
     * Step 3: the draw. Stores the values and the seed, then runs and stores the result. Called again on a draw
     * that was interrupted after its values were stored, it finishes with those values (the ones given are ignored);
     * on a finished draw it changes nothing. Returns the final run's id.
     */
    public long draw(StaffAccount by, long drawId, String publicValue, List<String> witnessValues) {
        enterValues(by, drawId, publicValue, witnessValues);
        return complete(by, drawId);
    }

    /** The first half of {@link #draw}: validates and stores the values and the seed (state SEEDED). */
    public void enterValues(StaffAccount by, long drawId, String publicValue, List<String> witnessValues) {
        tx.executeWithoutResult(status -> {
            DrawRecord d = draws.lock(drawId).orElseThrow(() -> new AdmissionRefused("admission.refused.no-draw"));
            AdmissionPermission.DRAW_RUN.check(by, d.districtCode());
            switch (d.state()) {
                case "FROZEN" -> throw new AdmissionRefused("admission.refused.draw-state", d.state());
                case "COMMITTED" -> {
                    String value = CeremonyValues.publicValue(publicValue);
                    List<String> witnesses = CeremonyValues.witnesses(witnessValues);
                    String seed = SeedCeremony.seed(d.inputSha256(), d.secret(), value, witnesses);
                    draws.seed(drawId, value, witnesses, seed, clock.instant());
                    audit.record(new AuditEntry(by.username(), AdmissionPermission.DRAW_RUN.action(),
                            "admission.draw:" + d.code(), "", "seed " + seed + "; public value " + value + "; "
                            + witnesses.size() + " witness values"));
                }
                default -> {
                    // SEEDED or DRAWN: the values are fixed already
                }
            }
        });
    }

    /** The second half of {@link #draw}: runs from the frozen snapshot and the stored seed (state DRAWN). */
    public long complete(StaffAccount by, long drawId) {
        return tx.execute(status -> {
            DrawRecord d = draws.lock(drawId).orElseThrow(() -> new AdmissionRefused("admission.refused.no-draw"));
            AdmissionPermission.DRAW_RUN.check(by, d.districtCode());
            if (d.drawn()) {
                return d.secondBatch() ? d.fillsRunId() : d.runId();
            }
            if (!"SEEDED".equals(d.state())) {
                throw new AdmissionRefused("admission.refused.draw-state", d.state());
            }
            if (d.secondBatch()) {
                return completeSecondBatch(by, d);
            }
            AllocationPlanner.Plan plan = AllocationPlanner.freeze(Snapshots.input(d.snapshot()));
            if (!plan.instanceJson().equals(d.instanceJson()) || !plan.inputSha256().equals(d.inputSha256())) {
                throw new IllegalStateException("draw " + d.code() + ": the snapshot no longer gives the published instance");
            }
            Outcome outcome = AllocationPlanner.run(plan, d.seed());
            long runId = runs.save(d.districtCode(), d.season(), d.grade(), "FINAL", d.id(), outcome, d.excluded(),
                    d.excludedReason(), clock.instant(), by.username());
            draws.drawn(drawId, outcome.resultJson(), outcome.resultSha256(), clock.instant());
            audit.record(new AuditEntry(by.username(), AdmissionPermission.DRAW_RUN.action() + ".result",
                    "admission.draw:" + d.code(), "", "resultSha256 " + outcome.resultSha256() + "; run " + runId));
            return runId;
        });
    }

    /** A second batch: under the run's lock, the result becomes offers (and notices) in the same transaction. */
    private long completeSecondBatch(StaffAccount by, DrawRecord d) {
        RunRecord run = runs.lock(d.fillsRunId()).orElseThrow();
        SecondBatches.Outcome outcome = batches.complete(d, run, clock.instant());
        draws.drawn(d.id(), outcome.resultJson(), outcome.resultSha256(), clock.instant());
        audit.record(new AuditEntry(by.username(), AdmissionPermission.DRAW_RUN.action() + ".result",
                "admission.draw:" + d.code(), "", "resultSha256 " + outcome.resultSha256() + "; second batch "
                + d.batch() + " of run " + run.id() + ": " + outcome.placed() + " placed"));
        return run.id();
    }

    public Optional<DrawRecord> find(long id) {
        return draws.find(id);
    }

    public Optional<DrawRecord> byCode(String code) {
        return draws.byCode(code);
    }

    /** The draws of a season and grade, newest first: first draws and second batches (补录). */
    public List<DrawRecord> draws(String district, int season, int grade) {
        return draws.of(district, season, grade);
    }

    public List<DrawRecord> recent(int limit) {
        return draws.recent(limit);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
