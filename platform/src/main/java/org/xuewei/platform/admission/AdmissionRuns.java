package org.xuewei.platform.admission;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuewei.platform.admission.allocation.AllocationPlanner;
import org.xuewei.platform.admission.allocation.Outcome;
import org.xuewei.platform.admission.allocation.Placement;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.admission.store.RunStore;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.identity.StaffAccount;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 试运行 — dry runs of a district's allocation, as often as staff like. A dry run uses a seed fixed by its
 * instance (the real one comes from the ceremony), notifies no one and writes nothing but its own record.
 */
@Service
public class AdmissionRuns {

    private final Inputs inputs;
    private final RunStore runs;
    private final AuditLog audit;
    private final Clock clock;

    AdmissionRuns(Inputs inputs, RunStore runs, AuditLog audit, Clock clock) {
        this.inputs = inputs;
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
    }

    /** A run's difference from the previous dry run: children whose school changed, fill change per school. */
    public record Difference(long previousRunId, int childrenMoved, int newChildren, Map<String, Integer> fillChange) {
    }

    /** True when a module provides applications and plans. */
    public boolean sourcesAvailable() {
        return inputs.available();
    }

    /** {all applications, not yet verified}. */
    public int[] applicationCounts(String district, int season, int grade) {
        return inputs.counts(district, season, grade);
    }

    @Transactional
    public long dryRun(StaffAccount by, String district, int season, int grade, String excludeReason) {
        AdmissionPermission.DRY_RUN.check(by, district);
        Inputs.Selection sel = inputs.select(district, season, grade, excludeReason);
        AllocationPlanner.Plan plan = AllocationPlanner.freeze(sel.input());
        Outcome outcome = AllocationPlanner.run(plan, AllocationPlanner.dryRunSeed(plan.inputSha256()));
        long id = runs.save(district, season, grade, "DRY", null, outcome, sel.excluded(), sel.excludedReason(),
                clock.instant(), by.username());
        audit.record(new AuditEntry(by.username(), AdmissionPermission.DRY_RUN.action(), "admission.run:" + id, "",
                district + " " + season + " G" + grade + ": " + outcome.placements().size() + " children"
                        + (sel.excluded() > 0 ? ", excluded " + sel.excluded() + ": " + sel.excludedReason() : "")));
        return id;
    }

    public List<RunRecord> runs(String district, int season, int grade) {
        return runs.of(district, season, grade);
    }

    public Optional<RunRecord> run(long id) {
        return runs.find(id);
    }

    public List<Placement> placements(long runId) {
        return runs.placements(runId);
    }

    /** Against the dry run before this one of the same district, season and grade. */
    public Optional<Difference> differenceFromPrevious(RunRecord run) {
        Optional<RunRecord> previous = runs.of(run.districtCode(), run.season(), run.grade()).stream()
                .filter(r -> r.dry() && r.id() < run.id()).findFirst();
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> before = new HashMap<>();
        runs.placements(previous.get().id()).forEach(p -> before.put(p.applicationNo(), String.valueOf(p.schoolCode())));
        int moved = 0;
        int fresh = 0;
        Map<String, Integer> fill = new java.util.TreeMap<>();
        for (Placement p : runs.placements(run.id())) {
            String was = before.remove(p.applicationNo());
            String now = String.valueOf(p.schoolCode());
            if (was == null) {
                fresh++;
            } else if (!was.equals(now)) {
                moved++;
            }
            if (!now.equals(was)) {
                fill.merge(now, 1, Integer::sum);
                if (was != null) {
                    fill.merge(was, -1, Integer::sum);
                }
            }
        }
        before.values().forEach(was -> fill.merge(was, -1, Integer::sum));
        fill.values().removeIf(v -> v == 0);
        fill.remove("null");
        return Optional.of(new Difference(previous.get().id(), moved, fresh, fill));
    }
}
