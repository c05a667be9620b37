package org.xuewei.engine.reference;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent implementation of docs/lottery.md, written from the spec and nothing else: objects,
 * BigDecimal points, full byte[] keys, plain sorting, Gale–Shapley in simultaneous rounds. Slow and
 * simple on purpose; the engine must agree with it byte for byte.
 */
public final class ReferenceLottery {
    private final Model m;
    private final byte[] seed;
    private final List<Unit> units = new ArrayList<>();
    private final Map<String, Integer> capacity = new HashMap<>();

    /** Students applying as one (a bound group, or one student alone). */
    final class Unit {
        final List<Model.Student> members;

        Unit(List<Model.Student> members) {
            this.members = members;
        }

        List<Model.Choice> choices() {
            return members.get(0).choices();
        }

        Model.Choice choiceAt(String school) {
            for (Model.Choice c : choices()) {
                if (c.school().equals(school)) {
                    return c;
                }
            }
            return null;
        }

        /** §2: a group's key at a school is the smallest of its members' keys there. */
        byte[] key(String school) {
            byte[] best = null;
            for (Model.Student s : members) {
                byte[] k = keyOf(s.id(), school);
                if (best == null || Arrays.compareUnsigned(k, best) < 0) {
                    best = k;
                }
            }
            return best;
        }
    }

    public ReferenceLottery(Model m) {
        this.m = m;
        this.seed = HexFormat.of().parseHex(m.seed());
        for (Model.School s : m.schools()) {
            capacity.put(s.id(), s.capacity());
        }
        Set<String> grouped = new HashSet<>();
        for (List<String> g : m.groups()) {
            List<Model.Student> members = new ArrayList<>();
            for (String id : g) {
                members.add(m.student(id));
                grouped.add(id);
            }
            units.add(new Unit(members));
        }
        for (Model.Student s : m.students()) {
            if (!grouped.contains(s.id())) {
                units.add(new Unit(List.of(s)));
            }
        }
    }

    /** §3. */
    byte[] keyOf(String studentId, String schoolId) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(seed);
            if (m.tieBreak().equals("multiple")) {
                md.update(schoolId.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0x1F);
            }
            md.update(studentId.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** §2: tier ascending, points descending, lottery key ascending (unsigned bytes). */
    Comparator<Unit> priorityAt(String school) {
        return (a, b) -> {
            Model.Choice ca = a.choiceAt(school);
            Model.Choice cb = b.choiceAt(school);
            int c = Integer.compare(ca.tier(), cb.tier());
            if (c != 0) {
                return c;
            }
            c = cb.pointsValue().compareTo(ca.pointsValue());
            if (c != 0) {
                return c;
            }
            return Arrays.compareUnsigned(a.key(school), b.key(school));
        };
    }

    /** §2: take units in ranking order while at least one seat is free. */
    List<Unit> take(String school, List<Unit> applicants, int seatsLeft) {
        List<Unit> sorted = new ArrayList<>(applicants);
        sorted.sort(priorityAt(school));
        List<Unit> taken = new ArrayList<>();
        int used = 0;
        for (Unit u : sorted) {
            if (used < seatsLeft) {
                taken.add(u);
                used += u.members.size();
            }
        }
        return taken;
    }

    /** @return student id → school id (absent = unplaced) */
    public Map<String, String> assign() {
        Map<Unit, String> placed = m.mechanism().equals("deferred-acceptance") ? deferredAcceptance()
                : immediateAcceptance();
        Map<String, String> out = new HashMap<>();
        placed.forEach((u, s) -> u.members.forEach(st -> out.put(st.id(), s)));
        return out;
    }

    private Map<Unit, String> deferredAcceptance() {
        Map<Unit, Integer> next = new HashMap<>();
        Map<String, List<Unit>> held = new LinkedHashMap<>();
        for (Model.School s : m.schools()) {
            held.put(s.id(), new ArrayList<>());
        }
        for (Unit u : units) {
            next.put(u, 0);
        }
        while (true) {
            Set<Unit> holding = new HashSet<>();
            held.values().forEach(holding::addAll);
            Map<String, List<Unit>> proposals = new LinkedHashMap<>();
            for (Unit u : units) {
                if (!holding.contains(u) && next.get(u) < u.choices().size()) {
                    String s = u.choices().get(next.get(u)).school();
                    proposals.computeIfAbsent(s, k -> new ArrayList<>()).add(u);
                }
            }
            if (proposals.isEmpty()) {
                break;
            }
            for (Map.Entry<String, List<Unit>> e : proposals.entrySet()) {
                List<Unit> all = new ArrayList<>(held.get(e.getKey()));
                all.addAll(e.getValue());
                List<Unit> kept = take(e.getKey(), all, capacity.get(e.getKey()));
                for (Unit u : all) {
                    if (!kept.contains(u)) {
                        next.put(u, next.get(u) + 1);
                    }
                }
                held.put(e.getKey(), kept);
            }
        }
        Map<Unit, String> out = new HashMap<>();
        held.forEach((s, us) -> us.forEach(u -> out.put(u, s)));
        return out;
    }

    private Map<Unit, String> immediateAcceptance() {
        Map<Unit, String> out = new HashMap<>();
        Map<String, Integer> left = new HashMap<>(capacity);
        for (int r = 0; ; r++) {
            Map<String, List<Unit>> applicants = new LinkedHashMap<>();
            boolean any = false;
            for (Unit u : units) {
                if (!out.containsKey(u) && r < u.choices().size()) {
                    applicants.computeIfAbsent(u.choices().get(r).school(), k -> new ArrayList<>()).add(u);
                    any = true;
                }
            }
            if (!any) {
                return out;
            }
            for (Map.Entry<String, List<Unit>> e : applicants.entrySet()) {
                for (Unit u : take(e.getKey(), e.getValue(), left.get(e.getKey()))) {
                    out.put(u, e.getKey());
                    left.put(e.getKey(), left.get(e.getKey()) - u.members.size());
                }
            }
        }
    }

    /** The full result file of §5 in the layout documented in docs/lottery.md. */
    public String resultFile(byte[] instanceBytes) {
        Map<String, String> a = assign();
        List<Model.Student> sorted = new ArrayList<>(m.students());
        sorted.sort((x, y) -> Arrays.compareUnsigned(x.id().getBytes(StandardCharsets.UTF_8),
                y.id().getBytes(StandardCharsets.UTF_8)));
        StringBuilder lines = new StringBuilder();
        StringBuilder json = new StringBuilder();
        json.append("{\"format\":\"xuewei-allocation-result/1\",\"inputSha256\":\"").append(sha256(instanceBytes))
                .append("\",\"seed\":\"").append(m.seed()).append("\",\"assignments\":[\n");
        for (int k = 0; k < sorted.size(); k++) {
            Model.Student st = sorted.get(k);
            String school = a.get(st.id());
            lines.append(st.id()).append(',').append(school == null ? "" : school).append('\n');
            json.append("{\"student\":\"").append(st.id()).append("\",\"school\":");
            if (school == null) {
                json.append("null,\"choice\":null}");
            } else {
                int choice = 1;
                while (!st.choices().get(choice - 1).school().equals(school)) {
                    choice++;
                }
                json.append('"').append(school).append("\",\"choice\":").append(choice).append('}');
            }
            json.append(k < sorted.size() - 1 ? ",\n" : "\n");
        }
        json.append("],\"resultSha256\":\"").append(sha256(lines.toString().getBytes(StandardCharsets.UTF_8)))
                .append("\"}\n");
        return json.toString();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Violations of §6 for a claimed assignment (student id → school id): infeasible, a wasted seat,
     * or justified envy (a unit the school would take ahead of those it admitted, by the rule of §2).
     */
    public List<String> stabilityViolations(Map<String, String> assignment) {
        List<String> out = new ArrayList<>();
        Map<String, List<Unit>> admitted = new HashMap<>();
        Map<Unit, String> placeOf = new HashMap<>();
        for (Unit u : units) {
            Set<String> where = new HashSet<>();
            for (Model.Student st : u.members) {
                where.add(String.valueOf(assignment.get(st.id())));
            }
            if (where.size() != 1) {
                out.add("group split: " + u.members);
                continue;
            }
            String s = assignment.get(u.members.get(0).id());
            if (s != null) {
                if (u.choiceAt(s) == null) {
                    out.add(u.members.get(0).id() + " placed at unlisted " + s);
                    continue;
                }
                admitted.computeIfAbsent(s, k -> new ArrayList<>()).add(u);
                placeOf.put(u, s);
            }
        }
        for (Map.Entry<String, List<Unit>> e : admitted.entrySet()) {
            List<Unit> list = new ArrayList<>(e.getValue());
            list.sort(priorityAt(e.getKey()));
            int used = 0;
            for (Unit u : list) {
                if (used >= capacity.get(e.getKey())) {
                    out.add("over capacity at " + e.getKey());
                }
                used += u.members.size();
            }
        }
        for (Unit u : units) {
            String s0 = placeOf.get(u);
            for (Model.Choice c : u.choices()) {
                if (c.school().equals(s0)) {
                    break;
                }
                List<Unit> at = admitted.getOrDefault(c.school(), List.of());
                int used = 0;
                int above = 0;
                for (Unit v : at) {
                    used += v.members.size();
                    if (priorityAt(c.school()).compare(v, u) < 0) {
                        above += v.members.size();
                    }
                }
                if (used < capacity.get(c.school())) {
                    out.add("wasted seat: " + u.members.get(0).id() + " prefers " + c.school());
                } else if (above < capacity.get(c.school())) {
                    out.add("justified envy: " + u.members.get(0).id() + " at " + c.school());
                }
            }
        }
        return out;
    }

    /** Position (0-based) of the assigned school in a student's list; the list size when unplaced. */
    public static int rank(Model.Student st, String school) {
        for (int k = 0; k < st.choices().size(); k++) {
            if (st.choices().get(k).school().equals(school)) {
                return k;
            }
        }
        return st.choices().size();
    }

    /** Priority comparison of two students (as units alone) at a school, for tests. */
    public int compareAt(String school, Model.Student a, Model.Student b) {
        return priorityAt(school).compare(unitOf(a), unitOf(b));
    }

    private Unit unitOf(Model.Student st) {
        for (Unit u : units) {
            if (u.members.contains(st)) {
                return u;
            }
        }
        throw new IllegalArgumentException(st.id());
    }

    /** Points as a value, for tests. */
    static BigDecimal points(Model.Choice c) {
        return c.pointsValue();
    }
}
