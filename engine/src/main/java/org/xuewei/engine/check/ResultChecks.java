package org.xuewei.engine.check;

import java.util.ArrayList;
import java.util.List;
import org.xuewei.engine.Instance;
import org.xuewei.engine.Mechanism;
import org.xuewei.engine.core.IntSorts;
import org.xuewei.engine.core.Prepared;

/**
 * Checks a claimed placement (for each student, the 0-based position of its placed choice or -1)
 * without trusting the engine that produced it:
 * <ul>
 * <li>feasible: group members together; each school takes units in ranking order while it has a
 * free seat, so only the last unit it took may push it over capacity, by less than its size;</li>
 * <li>no wasted seat: no unit prefers a school that still has a free seat;</li>
 * <li>deferred acceptance: no justified envy — no unit prefers a school that would take it ahead
 * of the units it admitted;</li>
 * <li>immediate acceptance: in each round a school takes that round's applicants in priority
 * order (never a student at choice r over a higher-priority student whose choice r it was).</li>
 * </ul>
 */
public final class ResultChecks {
    private static final int MAX_REPORTED = 20;

    private final Instance inst;
    private final Prepared p;
    private final int[] pos;
    private final List<String> problems = new ArrayList<>();
    private int problemCount;

    private ResultChecks(Instance inst, Prepared p, int[] pos) {
        this.inst = inst;
        this.p = p;
        this.pos = pos;
    }

    /** @return the problems found (at most 20 described; see {@link Report#count()}) */
    public static Report check(Instance inst, Prepared p, int[] pos) {
        ResultChecks c = new ResultChecks(inst, p, pos);
        if (c.groupsTogether()) {
            if (inst.mechanism() == Mechanism.DEFERRED_ACCEPTANCE) {
                c.stability();
            } else {
                c.stability();
                c.immediateRounds();
            }
        }
        return new Report(List.copyOf(c.problems), c.problemCount);
    }

    /** Problems found; {@code count} may exceed the number described. */
    public record Report(List<String> problems, int count) {
        public boolean ok() {
            return count == 0;
        }
    }

    private void problem(String text) {
        problemCount++;
        if (problems.size() < MAX_REPORTED) {
            problems.add(text);
        }
    }

    private boolean groupsTogether() {
        boolean ok = true;
        for (int g = 0; g < inst.groupCount(); g++) {
            int first = inst.groupMember(g, 0);
            for (int k = 1; k < inst.groupSize(g); k++) {
                int m = inst.groupMember(g, k);
                if (pos[m] != pos[first]) {
                    problem("not feasible: bound group members " + inst.studentId(first) + " and "
                            + inst.studentId(m) + " are not placed together");
                    ok = false;
                }
            }
        }
        return ok;
    }

    /** Admitted units of every school, sorted by priority there, with cumulative seats. */
    private final class Admitted {
        final int[] offset = new int[p.schoolCount + 1];
        final long[] prio;
        final long[] seatsBefore;
        final long[] used = new long[p.schoolCount];

        Admitted() {
            for (int u = 0; u < p.studentCount; u++) {
                if (p.isRep(u) && pos[u] >= 0) {
                    offset[p.school[p.start[u] + pos[u]] + 1]++;
                }
            }
            for (int s = 0; s < p.schoolCount; s++) {
                offset[s + 1] += offset[s];
            }
            prio = new long[offset[p.schoolCount]];
            seatsBefore = new long[prio.length];
            int[] fill = offset.clone();
            for (int u = 0; u < p.studentCount; u++) {
                if (p.isRep(u) && pos[u] >= 0) {
                    int a = p.start[u] + pos[u];
                    prio[fill[p.school[a]]++] = p.prio[a];
                }
            }
            for (int s = 0; s < p.schoolCount; s++) {
                java.util.Arrays.sort(prio, offset[s], offset[s + 1]);
                long seats = 0;
                for (int k = offset[s]; k < offset[s + 1]; k++) {
                    seatsBefore[k] = seats;
                    seats += p.size[p.ownerOf(prio[k])];
                }
                used[s] = seats;
            }
        }

        /** Index of the first admitted unit at s ranked below priority v. */
        int firstBelow(int s, long v) {
            int lo = offset[s];
            int hi = offset[s + 1];
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (prio[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        long seatsAbove(int s, long v) {
            int k = firstBelow(s, v);
            return k < offset[s + 1] ? seatsBefore[k] : used[s];
        }
    }

    private void stability() {
        Admitted adm = new Admitted();
        boolean da = inst.mechanism() == Mechanism.DEFERRED_ACCEPTANCE;
        for (int s = 0; da && s < p.schoolCount; s++) {
            int last = adm.offset[s + 1] - 1;
            if (last >= adm.offset[s] && adm.seatsBefore[last] >= p.capacity[s]) {
                problem("not feasible: school " + inst.schoolId(s) + " takes " + adm.used[s] + " seats for capacity "
                        + p.capacity[s] + " (only the last bound group it takes may exceed it)");
            }
        }
        for (int u = 0; u < p.studentCount; u++) {
            if (!p.isRep(u)) {
                continue;
            }
            int end = pos[u] >= 0 ? p.start[u] + pos[u] : p.start[u + 1];
            for (int a = p.start[u]; a < end; a++) {
                int s = p.school[a];
                if (adm.used[s] < p.capacity[s]) {
                    problem("wasted seat: student " + inst.studentId(u) + " prefers school " + inst.schoolId(s)
                            + " (choice " + (a - p.start[u] + 1) + "), which has a free seat");
                } else if (da && adm.seatsAbove(s, p.prio[a]) < p.capacity[s]) {
                    int below = p.ownerOf(adm.prio[adm.firstBelow(s, p.prio[a])]);
                    problem("justified envy: student " + inst.studentId(u) + " prefers school " + inst.schoolId(s)
                            + " (choice " + (a - p.start[u] + 1) + "), which admitted lower-priority student "
                            + inst.studentId(below));
                }
            }
        }
    }

    /** Immediate acceptance: each round's applicants are taken in priority order with the seats left. */
    private void immediateRounds() {
        int n = p.studentCount;
        int count = 0;
        for (int u = 0; u < n; u++) {
            if (p.isRep(u) && pos[u] >= 0) {
                count++;
            }
        }
        int[] admitted = new int[count];
        count = 0;
        for (int u = 0; u < n; u++) {
            if (p.isRep(u) && pos[u] >= 0) {
                admitted[count++] = u;
            }
        }
        IntSorts.sort(admitted, (x, y) -> {
            int c = Integer.compare(schoolOf(x), schoolOf(y));
            if (c == 0) {
                c = Integer.compare(pos[x], pos[y]);
            }
            return c != 0 ? c : Long.compare(p.prio[p.start[x] + pos[x]], p.prio[p.start[y] + pos[y]]);
        });
        long[] seatsBefore = new long[count];
        long[] used = new long[p.schoolCount];
        long seats = 0;
        for (int k = 0; k < count; k++) {
            if (k > 0 && schoolOf(admitted[k]) != schoolOf(admitted[k - 1])) {
                seats = 0;
            }
            seatsBefore[k] = seats;
            seats += p.size[admitted[k]];
            used[schoolOf(admitted[k])] = seats;
            if (seatsBefore[k] >= p.capacity[schoolOf(admitted[k])]) {
                problem("immediate acceptance: school " + inst.schoolId(schoolOf(admitted[k])) + " admitted student "
                        + inst.studentId(admitted[k]) + " at choice " + (pos[admitted[k]] + 1)
                        + " after its seats were full");
            }
        }
        for (int u = 0; u < n; u++) {
            if (!p.isRep(u)) {
                continue;
            }
            int end = pos[u] >= 0 ? pos[u] : p.start[u + 1] - p.start[u];
            for (int r = 0; r < end; r++) {
                int a = p.start[u] + r;
                int s = p.school[a];
                long taken = seatsTakenBefore(admitted, seatsBefore, used, s, r, p.prio[a]);
                if (taken < p.capacity[s]) {
                    problem("immediate acceptance: school " + inst.schoolId(s) + " rejected student "
                            + inst.studentId(u) + " at choice " + (r + 1)
                            + " although it had a seat for it in that round");
                }
            }
        }
    }

    private int schoolOf(int u) {
        return p.school[p.start[u] + pos[u]];
    }

    /** Seats at s taken in rounds before r plus those taken in round r by units ranked above v. */
    private long seatsTakenBefore(int[] admitted, long[] seatsBefore, long[] used, int s, int r, long v) {
        int lo = 0;
        int hi = admitted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int x = admitted[mid];
            int c = Integer.compare(schoolOf(x), s);
            if (c == 0) {
                c = Integer.compare(pos[x], r);
            }
            if (c == 0) {
                c = Long.compare(p.prio[p.start[x] + pos[x]], v);
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo < admitted.length && schoolOf(admitted[lo]) == s) {
            return seatsBefore[lo];
        }
        return used[s];
    }
}
