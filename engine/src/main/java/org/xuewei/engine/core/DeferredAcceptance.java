package org.xuewei.engine.core;

/**
 * 延迟接受 — student-proposing deferred acceptance. Each school keeps the units it holds in a
 * max-heap of packed priorities (worst on top) inside one shared long array; a proposal costs
 * O(log capacity). A school holds exactly the units the rule of docs/lottery.md §2 takes from its
 * proposers: in ranking order while at least one seat is free, a group taking as many seats as it
 * has members.
 */
public final class DeferredAcceptance {
    private DeferredAcceptance() {
    }

    /** @return for each student, the 0-based position of the choice it is placed at, or -1 */
    public static int[] run(Prepared p) {
        int n = p.studentCount;
        int[] start = p.start;
        int[] school = p.school;
        long[] prio = p.prio;
        int[] size = p.size;
        int[] cap = p.capacity;
        int[] rankOwner = p.rankOwner;
        long keyMask = p.keyMask;

        int[] heapOff = new int[p.schoolCount + 1];
        int units = 0;
        for (int i = 0; i < n; i++) {
            if (size[i] > 0) {
                units++;
                for (int a = start[i]; a < start[i + 1]; a++) {
                    heapOff[school[a] + 1]++;
                }
            }
        }
        for (int s = 0; s < p.schoolCount; s++) {
            heapOff[s + 1] = heapOff[s] + Math.min(heapOff[s + 1], cap[s]) + 1;
        }
        long[] heap = new long[heapOff[p.schoolCount]];
        int[] heapLen = new int[p.schoolCount];
        long[] used = new long[p.schoolCount];
        // A proposal is rejected at once when it ranks below thr[s]: the worst held unit of a full
        // school (one array read instead of three); Long.MAX_VALUE while the school has a free seat.
        long[] thr = new long[p.schoolCount];
        for (int s = 0; s < p.schoolCount; s++) {
            thr[s] = cap[s] == 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }

        int[] cur = new int[n];
        int[] stack = new int[units];
        int sp = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (size[i] > 0) {
                cur[i] = start[i];
                stack[sp++] = i;
            }
        }
        while (sp > 0) {
            int u = stack[--sp];
            int a = cur[u];
            int end = start[u + 1];
            int sz = size[u];
            for (; a < end; a++) {
                int s = school[a];
                long pr = prio[a];
                if (pr > thr[s]) {
                    continue;
                }
                int off = heapOff[s];
                int len = heapLen[s];
                siftUp(heap, off, len, pr);
                len++;
                used[s] += sz;
                boolean rejected = false;
                while (true) {
                    long worst = heap[off];
                    int w = rankOwner[(int) (worst & keyMask)];
                    if (used[s] - size[w] < cap[s]) {
                        break;
                    }
                    len--;
                    siftDown(heap, off, len, heap[off + len]);
                    used[s] -= size[w];
                    if (w == u) {
                        rejected = true;
                        break;
                    }
                    cur[w]++;
                    stack[sp++] = w;
                }
                heapLen[s] = len;
                thr[s] = used[s] >= cap[s] ? heap[off] : Long.MAX_VALUE;
                if (!rejected) {
                    break;
                }
            }
            cur[u] = a;
        }
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            int r = p.rep[i];
            pos[i] = cur[r] < start[r + 1] ? cur[r] - start[r] : -1;
        }
        return pos;
    }

    /** Inserts v into the max-heap heap[off .. off+len) (growing it by one). */
    static void siftUp(long[] heap, int off, int len, long v) {
        int k = len;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            long pv = heap[off + parent];
            if (pv >= v) {
                break;
            }
            heap[off + k] = pv;
            k = parent;
        }
        heap[off + k] = v;
    }

    /** Places v at the root of the max-heap heap[off .. off+len) and restores order. */
    static void siftDown(long[] heap, int off, int len, long v) {
        int k = 0;
        int half = len >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            long cv = heap[off + child];
            int right = child + 1;
            if (right < len && heap[off + right] > cv) {
                child = right;
                cv = heap[off + right];
            }
            if (v >= cv) {
                break;
            }
            heap[off + k] = cv;
            k = child;
        }
        if (len > 0) {
            heap[off + k] = v;
        }
    }
}
