package org.xuewei.platform.admission.allocation;

import org.xuewei.engine.Allocation;
import org.xuewei.engine.Engine;
import org.xuewei.engine.Hex;
import org.xuewei.engine.Instance;
import org.xuewei.engine.LotteryKeys;
import org.xuewei.engine.Sha256;
import org.xuewei.engine.io.InstanceReader;
import org.xuewei.engine.io.ResultWriter;
import org.xuewei.engine.overflow.Overflow;
import org.xuewei.engine.overflow.OverflowPlacement;
import org.xuewei.engine.overflow.OverflowSchool;
import org.xuewei.engine.overflow.OverflowStudent;
import org.xuewei.platform.admission.AdmissionCandidate;
import org.xuewei.platform.admission.AdmissionRules;
import org.xuewei.platform.admission.AdmissionSchool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 派位 of one district, season and grade, as a pure function: {@link #freeze} places the 优待 children
 * within class caps and writes the engine instance (LOTTERY.md §1, no seed); {@link #run} runs the
 * engine with a seed, then 统筹 for the unplaced — nearest schools with seats from the child's home community (from
 * its zone school only where the home has no location, and the outcome says which children) — and explains every
 * placement. Nothing here re-implements
 * the engine: deferred acceptance, lottery keys and overflow are the engine's.
 */
public final class AllocationPlanner {

    private AllocationPlanner() {
    }

    /** An engine choice: school, tier (smaller is better), points (larger is better). */
    public record Choice(String school, long tier, BigDecimal points) {
    }

    /** The frozen part: what the lottery is run on. */
    public record Plan(AllocationInput input, String instanceJson, String inputSha256,
                       Map<String, String> preferential, Map<String, Integer> capacities,
                       Map<String, List<Choice>> choices, List<List<String>> groups) {
    }

    /** The seed of a dry run: fixed by the instance, so a dry run is repeatable; a real draw's comes from the ceremony. */
    public static String dryRunSeed(String inputSha256) {
        return Sha256.hexOf("xuewei-dry-run/1\n" + inputSha256);
    }

    public static Plan freeze(AllocationInput in) {
        AdmissionRules rules = in.rules();
        Map<String, AdmissionSchool> schools = new LinkedHashMap<>();
        in.schools().forEach(s -> schools.put(s.code(), s));
        Priority priority = new Priority(rules.tieBreak(), in.candidates());
        Map<String, List<AdmissionCandidate>> groupMembers = new TreeMap<>();
        for (AdmissionCandidate c : in.candidates()) {
            if (c.groupKey() != null) {
                groupMembers.computeIfAbsent(c.groupKey(), k -> new ArrayList<>()).add(c);
            }
        }

        // 优待: before ranking, at the first public option, within the class caps; a group goes whole or not
        Map<String, String> preferential = new TreeMap<>();
        Map<String, Integer> prefCount = new HashMap<>();
        List<AdmissionCandidate> prefCandidates = in.candidates().stream()
                .filter(c -> rules.preferential(c.preferentialCategory()) && firstPublic(c, schools) != null)
                .sorted(Comparator.comparingInt(AdmissionCandidate::categoryRank)
                        .thenComparing(AdmissionCandidate::points, Comparator.reverseOrder())
                        .thenComparing(AdmissionCandidate::hukouDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(AdmissionCandidate::applicationNo))
                .toList();
        for (AdmissionCandidate c : prefCandidates) {
            if (preferential.containsKey(c.applicationNo())) {
                continue;
            }
            List<AdmissionCandidate> unit = c.groupKey() == null ? List.of(c) : groupMembers.get(c.groupKey()).stream()
                    .filter(m -> rules.preferential(m.preferentialCategory())).toList();
            String school = firstPublic(c, schools);
            int used = prefCount.getOrDefault(school, 0);
            if (used + unit.size() <= schools.get(school).classCap()) {
                unit.forEach(m -> preferential.put(m.applicationNo(), school));
                prefCount.put(school, used + unit.size());
            }
        }

        Map<String, Integer> capacities = new TreeMap<>();
        for (AdmissionSchool s : schools.values()) {
            capacities.put(s.code(), Math.max(0, s.seats() - prefCount.getOrDefault(s.code(), 0)));
        }
        // 公民同招: the private school first (its lottery only), then the public option by category and tie-breaks
        Map<String, List<Choice>> choices = new TreeMap<>();
        for (AdmissionCandidate c : in.candidates()) {
            if (preferential.containsKey(c.applicationNo())) {
                continue;
            }
            List<Choice> list = new ArrayList<>();
            AdmissionSchool priv = c.privateSchool() == null ? null : schools.get(c.privateSchool());
            if (priv != null && priv.privateSchool()) {
                list.add(new Choice(priv.code(), 0, BigDecimal.ZERO));
            }
            for (String z : c.zoneSchools()) {
                AdmissionSchool s = schools.get(z);
                if (s != null && !s.privateSchool() && list.stream().noneMatch(x -> x.school().equals(z))) {
                    list.add(new Choice(z, priority.tier(c), priority.points(c)));
                }
            }
            choices.put(c.applicationNo(), list);
        }
        // twins and multiples: one unit with the lists of the first member (by number) and the best priority among them
        List<List<String>> groups = new ArrayList<>();
        for (List<AdmissionCandidate> members : groupMembers.values()) {
            List<String> ids = members.stream().map(AdmissionCandidate::applicationNo)
                    .filter(choices::containsKey).sorted().toList();
            if (ids.size() < 2) {
                continue;
            }
            List<Choice> first = choices.get(ids.get(0));
            List<Choice> shared = new ArrayList<>();
            for (Choice ch : first) {
                long tier = ch.tier();
                BigDecimal points = ch.points();
                for (String id : ids) {
                    for (Choice other : choices.get(id)) {
                        if (other.school().equals(ch.school()) && (other.tier() < tier
                                || other.tier() == tier && other.points().compareTo(points) > 0)) {
                            tier = other.tier();
                            points = other.points();
                        }
                    }
                }
                shared.add(new Choice(ch.school(), tier, points));
            }
            ids.forEach(id -> choices.put(id, List.copyOf(shared)));
            groups.add(ids);
        }
        String json = InstanceJson.write(capacities, choices, groups);
        String sha = read(json).inputSha256();
        return new Plan(in, json, sha, preferential, capacities, choices, groups);
    }

    public static Outcome run(Plan plan, String seedHex) {
        byte[] seed = Hex.parseDigest(seedHex);
        AllocationInput in = plan.input();
        Instance inst = read(plan.instanceJson()).instance();
        Allocation a = Engine.allocate(inst, seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String resultSha;
        try {
            resultSha = ResultWriter.write(a, plan.inputSha256(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, AdmissionCandidate> byNo = new HashMap<>();
        in.candidates().forEach(c -> byNo.put(c.applicationNo(), c));
        Map<String, AdmissionSchool> schools = new LinkedHashMap<>();
        in.schools().forEach(s -> schools.put(s.code(), s));

        Map<String, String> placedAt = new HashMap<>();
        Map<String, Integer> choiceOf = new HashMap<>();
        for (int i = 0; i < inst.studentCount(); i++) {
            if (a.choiceOf(i) > 0) {
                placedAt.put(inst.studentId(i), a.schoolIdOf(i));
                choiceOf.put(inst.studentId(i), a.choiceOf(i));
            }
        }
        Map<String, LotteryNote> lottery = new HashMap<>();
        Map<String, SchoolStats> stats = new TreeMap<>();
        Map<String, Integer> taken = new HashMap<>();
        plan.preferential().values().forEach(s -> taken.merge(s, 1, Integer::sum));
        placedAt.values().forEach(s -> taken.merge(s, 1, Integer::sum));
        Map<String, String> groupOf = new HashMap<>();
        plan.groups().forEach(g -> g.forEach(id -> groupOf.put(id, g.get(0))));
        Map<String, List<String>> groupIds = new HashMap<>();
        plan.groups().forEach(g -> groupIds.put(g.get(0), g));

        // who applied where, with which priority and at which position
        Map<String, List<String>> applicants = new HashMap<>();
        plan.choices().forEach((id, list) -> list.forEach(ch -> applicants.computeIfAbsent(ch.school(),
                k -> new ArrayList<>()).add(id)));
        Map<String, int[]> lotteryCounts = new HashMap<>();
        Map<String, Integer> cutoff = new HashMap<>();
        Map<String, Boolean> partial = new HashMap<>();
        for (String school : plan.capacities().keySet()) {
            List<String> apps = applicants.getOrDefault(school, List.of());
            List<String> admitted = apps.stream().filter(id -> school.equals(placedAt.get(id))).toList();
            if (admitted.isEmpty()) {
                continue;
            }
            Comparator<Choice> better = Comparator.comparingLong(Choice::tier)
                    .thenComparing(Choice::points, Comparator.reverseOrder());
            Choice worst = admitted.stream().map(id -> at(plan, id, school)).max(better).orElseThrow();
            boolean priv = schools.get(school).privateSchool();
            if (!priv) {
                int cat = admitted.stream().mapToInt(id -> byNo.get(id).categoryRank()).max().orElseThrow();
                cutoff.put(school, cat);
                partial.put(school, apps.stream().anyMatch(id -> byNo.get(id).categoryRank() == cat
                        && prefers(plan, id, school, choiceOf.get(id)) && !school.equals(placedAt.get(id))));
            }
            List<String> tied = apps.stream().filter(id -> better.compare(at(plan, id, school), worst) == 0
                    && prefersOrAt(plan, id, school, choiceOf.get(id))).toList();
            long losers = tied.stream().filter(id -> !school.equals(placedAt.get(id))).count();
            if (losers == 0) {
                continue;
            }
            Map<String, byte[]> unitKey = new HashMap<>();
            for (String id : tied) {
                String g = groupOf.get(id);
                byte[] key = LotteryKeys.single(seed, id);
                if (g != null) {
                    for (String m : groupIds.get(g)) {
                        byte[] mk = LotteryKeys.single(seed, m);
                        if (Arrays.compareUnsigned(mk, key) < 0) {
                            key = mk;
                        }
                    }
                }
                unitKey.put(id, key);
            }
            List<String> order = tied.stream().sorted((x, y) -> {
                int c = Arrays.compareUnsigned(unitKey.get(x), unitKey.get(y));
                return c != 0 ? c : x.compareTo(y);
            }).toList();
            lotteryCounts.put(school, new int[] {(int) (tied.size() - losers), (int) losers});
            for (int k = 0; k < order.size(); k++) {
                String id = order.get(k);
                boolean won = school.equals(placedAt.get(id));
                int pos = position(plan, id, school);
                LotteryNote prev = lottery.get(id);
                if (won || prev == null || !prev.won && pos < prev.choice) {
                    lottery.put(id, new LotteryNote(school, k + 1, order.size(), won, pos));
                }
            }
        }

        // 统筹: the unplaced with a home location, nearest schools with room, same priorities and seed
        Map<String, OverflowPlacement> overflow = new HashMap<>();
        Priority priority = new Priority(in.rules().tieBreak(), in.candidates());
        if (in.rules().overflowNearest()) {
            List<OverflowStudent> students = new ArrayList<>();
            for (AdmissionCandidate c : in.candidates()) {
                if (!plan.preferential().containsKey(c.applicationNo()) && !placedAt.containsKey(c.applicationNo())
                        && c.located()) {
                    List<Choice> own = plan.choices().get(c.applicationNo());
                    Choice pub = own.stream().filter(ch -> !schools.get(ch.school()).privateSchool()).findFirst()
                            .orElse(new Choice(null, priority.tier(c), priority.points(c)));
                    students.add(new OverflowStudent(c.applicationNo(), c.latitude(), c.longitude(),
                            (int) pub.tier(), pub.points()));
                }
            }
            List<OverflowSchool> open = new ArrayList<>();
            for (AdmissionSchool s : schools.values()) {
                int free = s.seats() - taken.getOrDefault(s.code(), 0);
                if (!s.privateSchool() && s.located() && free > 0) {
                    open.add(new OverflowSchool(s.code(), s.latitude(), s.longitude(), free));
                }
            }
            if (!students.isEmpty() && !open.isEmpty()) {
                java.util.Set<String> ids = new java.util.HashSet<>();
                students.forEach(s -> ids.add(s.id()));
                List<List<String>> groups = plan.groups().stream().filter(ids::containsAll).toList();
                for (OverflowPlacement p : Overflow.place(students, open, groups, seed,
                        Overflow.Options.nearest(in.rules().overflowSchools()))) {
                    if (p.schoolId() != null) {
                        overflow.put(p.studentId(), p);
                    }
                }
            }
        }

        List<Placement> placements = new ArrayList<>();
        Map<String, int[]> fill = new HashMap<>();
        for (AdmissionCandidate c : in.candidates()) {
            String id = c.applicationNo();
            LotteryNote note = lottery.get(id);
            String ls = note == null ? null : note.school;
            Integer lp = note == null ? null : note.position;
            Integer lt = note == null ? null : note.tied;
            Placement p;
            if (plan.preferential().containsKey(id)) {
                p = new Placement(id, Route.PREFERENTIAL, plan.preferential().get(id), 1, c.categoryRank(), c.points(),
                        null, null, null, null);
                fill.computeIfAbsent(p.schoolCode(), k -> new int[3])[0]++;
            } else if (placedAt.containsKey(id)) {
                p = new Placement(id, Route.CHOICE, placedAt.get(id), choiceOf.get(id), c.categoryRank(), c.points(),
                        ls, lp, lt, null);
                fill.computeIfAbsent(p.schoolCode(), k -> new int[3])[1]++;
            } else if (overflow.containsKey(id)) {
                OverflowPlacement o = overflow.get(id);
                p = new Placement(id, Route.OVERFLOW, o.schoolId(), o.rank(), c.categoryRank(), c.points(), ls, lp, lt,
                        Math.round(o.distanceMeters() * 10) / 10.0);
                fill.computeIfAbsent(p.schoolCode(), k -> new int[3])[2]++;
            } else {
                p = new Placement(id, Route.UNPLACED, null, null, c.categoryRank(), c.points(), ls, lp, lt, null);
            }
            placements.add(p);
        }
        for (AdmissionSchool s : schools.values()) {
            int[] f = fill.getOrDefault(s.code(), new int[3]);
            int[] l = lotteryCounts.getOrDefault(s.code(), new int[2]);
            stats.put(s.code(), new SchoolStats(s.code(), s.name(), s.privateSchool(), s.seats(), f[0], f[1], f[2],
                    cutoff.get(s.code()), partial.getOrDefault(s.code(), false), l[0], l[1]));
        }
        List<String> fromZoneSchool = placements.stream().filter(p -> p.route() == Route.OVERFLOW)
                .filter(p -> !byNo.get(p.applicationNo()).homeLocated()).map(Placement::applicationNo).sorted().toList();
        return new Outcome(plan.inputSha256(), seedHex, out.toString(StandardCharsets.UTF_8), resultSha, placements,
                List.copyOf(stats.values()), fromZoneSchool);
    }

    private record LotteryNote(String school, int position, int tied, boolean won, int choice) {
    }

    private static Choice at(Plan plan, String id, String school) {
        return plan.choices().get(id).stream().filter(c -> c.school().equals(school)).findFirst().orElseThrow();
    }

    private static int position(Plan plan, String id, String school) {
        List<Choice> list = plan.choices().get(id);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).school().equals(school)) {
                return i + 1;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The child would rather have this school than what it got. */
    private static boolean prefers(Plan plan, String id, String school, Integer placedChoice) {
        return placedChoice == null || position(plan, id, school) < placedChoice;
    }

    private static boolean prefersOrAt(Plan plan, String id, String school, Integer placedChoice) {
        return placedChoice == null || position(plan, id, school) <= placedChoice;
    }

    private static String firstPublic(AdmissionCandidate c, Map<String, AdmissionSchool> schools) {
        return c.zoneSchools().stream().filter(z -> schools.containsKey(z) && !schools.get(z).privateSchool())
                .findFirst().orElse(null);
    }

    /** An instance file (LOTTERY.md §1, no seed) over these capacities, choices and groups — e.g. a second batch's. */
    public static String instanceJson(Map<String, Integer> capacities, Map<String, List<Choice>> choices,
                                      List<List<String>> groups) {
        return InstanceJson.write(capacities, choices, groups);
    }

    /** Reads an instance file as the engine (and anyone replaying it) does: the instance and its {@code inputSha256}. */
    public static InstanceReader.Read read(String json) {
        try {
            return InstanceReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "instance.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
