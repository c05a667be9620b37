package org.xuewei.platform.admission;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.xuewei.engine.Allocation;
import org.xuewei.engine.Engine;
import org.xuewei.engine.Hex;
import org.xuewei.engine.Instance;
import org.xuewei.engine.io.InstanceReader;
import org.xuewei.engine.io.ResultWriter;
import org.xuewei.platform.admission.allocation.AllocationInput;
import org.xuewei.platform.admission.allocation.AllocationPlanner;
import org.xuewei.platform.admission.notice.NoticeCodes;
import org.xuewei.platform.admission.store.DrawRecord;
import org.xuewei.platform.admission.store.DrawStore;
import org.xuewei.platform.admission.store.OfferStore;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.admission.store.Snapshots;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * 第二批次 (补录) as a draw of its own (LOTTERY.md §4, like the first): {@link #freeze} writes the instance of the
 * waiting children — those with no place and those placed by 统筹 (not at a school they chose), with the first batch's
 * choices, tiers and points, restricted to the run's schools — over the seats
 * free after the release, and stores it as a FROZEN draw of the run; the ceremony then takes the usual steps in
 * {@link LotteryDraws}; {@link #complete} runs the engine with that draw's seed and turns the result into offers, one
 * conditional seat update each, so no school is ever over-filled; a 统筹-placed child who wins moves there and its 统筹
 * seat is given back (free for a later batch, not this one). Callers hold the run's row lock.
 */
@Component
class SecondBatches {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DrawStore draws;
    private final OfferStore offers;
    private final NoticeCodes notices;
    private final ApplicationEventPublisher events;

    SecondBatches(DrawStore draws, OfferStore offers, NoticeCodes notices,
                  ApplicationEventPublisher events) {
        this.draws = draws;
        this.offers = offers;
        this.notices = notices;
        this.events = events;
    }

    /** The second-batch draw of the run still in progress (not drawn), if any. */
    Optional<DrawRecord> open(long runId) {
        return draws.batchesOf(runId).stream().filter(d -> !d.drawn()).findFirst();
    }

    /**
     * Freezes the next batch's instance; empty when no waiting child lists a school with a free seat (nothing to
     * draw).
     */
    Optional<Long> freeze(RunRecord run, Instant at, String by) {
        DrawRecord first = draws.find(run.drawId()).orElseThrow();
        AllocationPlanner.Plan plan = AllocationPlanner.freeze(Snapshots.input(first.snapshot()));
        // no offer (null), or the 统筹 school the child holds now and keeps unless it wins a seat it chose
        Map<String, String> waiting = offers.waiting(run.id());
        Map<String, Integer> free = new TreeMap<>();
        offers.seats(run.id()).forEach(s -> free.put(s.schoolCode(), Math.max(0, s.capacity() - s.held())));
        Map<String, List<AllocationPlanner.Choice>> choices = new TreeMap<>();
        boolean anyFits = false;
        for (Map.Entry<String, List<AllocationPlanner.Choice>> e : plan.choices().entrySet()) {
            if (waiting.containsKey(e.getKey())) {
                String holds = waiting.get(e.getKey());
                if (holds != null && e.getValue().stream().anyMatch(c -> c.school().equals(holds))) {
                    continue; // placed at a school it chose: not waiting
                }
                List<AllocationPlanner.Choice> list = e.getValue().stream().filter(c -> free.containsKey(c.school()))
                        .toList();
                anyFits |= list.stream().anyMatch(c -> free.get(c.school()) > 0);
                choices.put(e.getKey(), list);
            }
        }
        if (!anyFits) {
            return Optional.empty();
        }
        List<List<String>> groups = plan.groups().stream().filter(choices.keySet()::containsAll).toList();
        String json = AllocationPlanner.instanceJson(free, choices, groups);
        String sha = AllocationPlanner.read(json).inputSha256();
        int batch = nextBatch(run.id());
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        String code = run.districtCode() + "-" + run.season() + "-g" + run.grade() + "-b" + batch + "-" + Hex.of(random);
        return Optional.of(draws.freezeBatch(code, run.districtCode(), run.season(), run.grade(), batch, run.id(), json,
                json, sha, choices.size(), at, by));
    }

    /** Runs a seeded second-batch draw and makes its offers; returns how many children were placed. */
    Outcome complete(DrawRecord d, RunRecord run, Instant at) {
        InstanceReader.Read read = AllocationPlanner.read(d.instanceJson());
        if (!read.inputSha256().equals(d.inputSha256())) {
            throw new IllegalStateException("draw " + d.code() + ": the stored instance no longer has its inputSha256");
        }
        Instance inst = read.instance();
        Allocation a = Engine.allocate(inst, Hex.parseDigest(d.seed()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String resultSha;
        try {
            resultSha = ResultWriter.write(a, d.inputSha256(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AllocationInput input = Snapshots.input(draws.find(run.drawId()).orElseThrow().snapshot());
        Map<String, String> names = new HashMap<>();
        input.schools().forEach(s -> names.put(s.code(), s.name()));
        // the second batch's window is as long as the first one's
        Instant deadline = at.plus(Duration.between(run.publishedAt(), run.arrivalDeadline()));
        Map<String, String> schoolOf = new TreeMap<>();
        Map<String, String> newcomers = new TreeMap<>();
        for (int k = 0; k < inst.studentCount(); k++) {
            int i = inst.studentByIdOrder(k);
            String school = a.schoolIdOf(i);
            if (school == null) {
                continue;
            }
            if (!offers.take(run.id(), school)) {
                // the instance's capacities are the seats free at the freeze, and nothing takes seats while it is open
                throw new IllegalStateException("draw " + d.code() + ": school " + school + " has no free seat left");
            }
            String no = inst.studentId(i);
            if (offers.find(run.id(), no).isPresent()) {
                // a 统筹-placed child wins a school it chose: its 统筹 seat is given back (not re-filled in this batch),
                // its old notice is withdrawn (the link then says "not found") and a new one issued
                offers.move(run.id(), no, school, d.batch(), deadline);
                notices.reissue(run.id(), no, school, names.getOrDefault(school, school), at);
            } else {
                offers.offer(run.id(), no, school, d.batch(), deadline);
                newcomers.put(no, school);
            }
            schoolOf.put(no, school);
        }
        notices.issueAll(run.id(), newcomers, names, at);
        schoolOf.forEach((no, school) -> events.publishEvent(new AdmissionOfferMade(run.id(), no, run.districtCode(),
                run.season(), run.grade(), school, names.getOrDefault(school, school), AdmissionOfferMade.SECOND_BATCH,
                d.batch(), deadline, at)));
        return new Outcome(out.toString(StandardCharsets.UTF_8), resultSha, schoolOf.size());
    }

    record Outcome(String resultJson, String resultSha256, int placed) {
    }

    private int nextBatch(long runId) {
        int offered = offers.offers(runId).stream().mapToInt(OfferStore.Offer::batch).max().orElse(1);
        int drawn = draws.batchesOf(runId).stream().mapToInt(DrawRecord::batch).max().orElse(1);
        return Math.max(offered, drawn) + 1;
    }

    List<DrawRecord> of(long runId) {
        return draws.batchesOf(runId);
    }
}
