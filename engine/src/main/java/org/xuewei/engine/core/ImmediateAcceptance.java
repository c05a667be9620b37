package org.xuewei.engine.core;

import java.util.Arrays;

/**
 * 志愿优先 (the "Boston" rule) — round r considers every unplaced unit's r-th choice; each school
 * takes that round's applicants in priority order by the rule of docs/lottery.md §2 with the
 * seats it has left; admissions are final.
 */
public final class ImmediateAcceptance {
    private ImmediateAcceptance() {
    }

    /** @return for each student, the 0-based position of the choice it is placed at, or -1 */
    public static int[] run(Prepared p) {
        int n = p.studentCount;
        int[] start = p.start;
        int[] school = p.school;
        long[] prio = p.prio;
        int[] size = p.size;
        int[] cap = p.capacity;
        int schools = p.schoolCount;

        int[] placed = new int[n];
        Arrays.fill(placed, -1);
        long[] used = new long[schools];
        int[] active = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (size[i] > 0) {
                active[count++] = i;
            }
        }
        int[] offset = new int[schools + 1];
        long[] bucket = new long[count];
        for (int r = 0; count > 0; r++) {
            Arrays.fill(offset, 0);
            int next = 0;
            for (int k = 0; k < count; k++) {
                int u = active[k];
                if (start[u] + r < start[u + 1]) {
                    offset[school[start[u] + r] + 1]++;
                    active[next++] = u;
                }
            }
            count = next;
            for (int s = 0; s < schools; s++) {
                offset[s + 1] += offset[s];
            }
            int[] fill = Arrays.copyOf(offset, schools);
            for (int k = 0; k < count; k++) {
                int a = start[active[k]] + r;
                bucket[fill[school[a]]++] = prio[a];
            }
            for (int s = 0; s < schools; s++) {
                Arrays.sort(bucket, offset[s], offset[s + 1]);
                for (int b = offset[s]; b < offset[s + 1] && used[s] < cap[s]; b++) {
                    int u = p.ownerOf(bucket[b]);
                    used[s] += size[u];
                    placed[u] = r;
                }
            }
            next = 0;
            for (int k = 0; k < count; k++) {
                if (placed[active[k]] < 0) {
                    active[next++] = active[k];
                }
            }
            count = next;
        }
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            pos[i] = placed[p.rep[i]];
        }
        return pos;
    }
}
