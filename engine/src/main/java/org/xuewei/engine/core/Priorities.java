package org.xuewei.engine.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.xuewei.engine.Instance;
import org.xuewei.engine.LotteryKeys;
import org.xuewei.engine.Sha256;
import org.xuewei.engine.TieBreak;

/**
 * Computes lottery keys, ranks them once globally, and packs every application's priority into a
 * long (docs/lottery.md §2–3). No per-school sorting is needed afterwards.
 */
public final class Priorities {
    private static final int PARALLEL_THRESHOLD = 20_000;

    private Priorities() {
    }

    public static Prepared prepare(Instance inst, byte[] seed) {
        int n = inst.studentCount();
        int apps = inst.applicationCount();
        int[] start = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            start[i] = i < n ? inst.choiceStart(i) : apps;
        }
        int[] school = new int[apps];
        for (int a = 0; a < apps; a++) {
            school[a] = inst.choiceSchool(a);
        }
        int[] capacity = new int[inst.schoolCount()];
        for (int s = 0; s < capacity.length; s++) {
            capacity[s] = inst.capacity(s);
        }
        boolean single = inst.tieBreak() == TieBreak.SINGLE;
        int[] keyRank = single ? singleRanks(inst, seed) : multipleRanks(inst, seed, start, school);
        int keyCount = keyRank.length;

        int[] rep = new int[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            rep[i] = i;
            size[i] = 1;
        }
        for (int g = 0; g < inst.groupCount(); g++) {
            int r = inst.groupMember(g, 0);
            for (int k = 0; k < inst.groupSize(g); k++) {
                int m = inst.groupMember(g, k);
                rep[m] = r;
                size[m] = 0;
            }
            size[r] = inst.groupSize(g);
        }

        long levels = inst.pointsLevelCount();
        long[] prio = new long[apps];
        long maxTp = 0;
        for (int a = 0; a < apps; a++) {
            long tp = inst.choiceTier(a) * levels + (levels - 1 - inst.choicePointsLevel(a));
            prio[a] = tp;
            maxTp = Math.max(maxTp, tp);
        }
        int keyBits = bitsFor(keyCount);
        if (bitsFor(maxTp + 1) + keyBits > 63) {
            denseRank(prio);
        }
        int[] unitRank = unitKeyRanks(inst, single, keyRank, start, rep, size);
        int[] rankOwner = new int[keyCount];
        if (single) {
            for (int i = 0; i < n; i++) {
                rankOwner[keyRank[i]] = rep[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                for (int a = start[i]; a < start[i + 1]; a++) {
                    rankOwner[keyRank[a]] = rep[i];
                }
            }
        }
        for (int a = 0; a < apps; a++) {
            prio[a] = (prio[a] << keyBits) | unitRank[a];
        }
        return new Prepared(n, capacity.length, capacity, start, school, prio, rep, size, (1L << keyBits) - 1,
                rankOwner);
    }

    /** Key rank of each application's unit there: a group's smallest member key (§2). */
    private static int[] unitKeyRanks(Instance inst, boolean single, int[] keyRank, int[] start, int[] rep,
                                      int[] size) {
        int n = rep.length;
        int[] unitRank = new int[start[n]];
        for (int i = 0; i < n; i++) {
            for (int a = start[i]; a < start[i + 1]; a++) {
                unitRank[a] = single ? keyRank[i] : keyRank[a];
            }
        }
        for (int g = 0; g < inst.groupCount(); g++) {
            int r = inst.groupMember(g, 0);
            for (int k = 1; k < inst.groupSize(g); k++) {
                int m = inst.groupMember(g, k);
                for (int c = 0; c < start[r + 1] - start[r]; c++) {
                    int mr = single ? keyRank[m] : keyRank[start[m] + c];
                    unitRank[start[r] + c] = Math.min(unitRank[start[r] + c], mr);
                }
            }
        }
        return unitRank;
    }

    private static int[] singleRanks(Instance inst, byte[] seed) {
        int n = inst.studentCount();
        long[] prefix = new long[n];
        ThreadLocal<Hasher> hashers = ThreadLocal.withInitial(() -> new Hasher(seed));
        range(n).forEach(i -> prefix[i] = hashers.get().single(inst.studentId(i)));
        return KeyRanking.rank(prefix, i -> LotteryKeys.single(seed, inst.studentId(i)));
    }

    private static int[] multipleRanks(Instance inst, byte[] seed, int[] start, int[] school) {
        int n = inst.studentCount();
        long[] prefix = new long[start[n]];
        byte[][] schoolBytes = new byte[inst.schoolCount()][];
        for (int s = 0; s < schoolBytes.length; s++) {
            schoolBytes[s] = inst.schoolId(s).getBytes(StandardCharsets.UTF_8);
        }
        ThreadLocal<Hasher> hashers = ThreadLocal.withInitial(() -> new Hasher(seed));
        range(n).forEach(i -> {
            Hasher h = hashers.get();
            byte[] id = inst.studentId(i).getBytes(StandardCharsets.UTF_8);
            for (int a = start[i]; a < start[i + 1]; a++) {
                prefix[a] = h.multiple(schoolBytes[school[a]], id);
            }
        });
        return KeyRanking.rank(prefix, a -> {
            int i = Arrays.binarySearch(start, a);
            if (i < 0) {
                i = -i - 2;
            } else {
                while (start[i + 1] == a) {
                    i++;
                }
            }
            return LotteryKeys.multiple(seed, inst.schoolId(school[a]), inst.studentId(i));
        });
    }

    private static IntStream range(int n) {
        IntStream r = IntStream.range(0, n);
        return n >= PARALLEL_THRESHOLD ? r.parallel() : r;
    }

    static int bitsFor(long count) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(0, count - 1)));
    }

    /** Replaces each value by its rank among the distinct values (order preserved). */
    private static void denseRank(long[] values) {
        long[] distinct = values.clone();
        Arrays.parallelSort(distinct);
        int m = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[m++] = distinct[i];
            }
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = Arrays.binarySearch(distinct, 0, m, values[i]);
        }
    }

    /** A SHA-256 instance per thread, returning the first 8 bytes of each key. */
    private static final class Hasher {
        private final MessageDigest md = Sha256.newDigest();
        private final byte[] seed;
        private final byte[] out = new byte[32];

        Hasher(byte[] seed) {
            this.seed = seed;
        }

        long single(String studentId) {
            md.update(seed);
            md.update(studentId.getBytes(StandardCharsets.UTF_8));
            return finish();
        }

        long multiple(byte[] schoolId, byte[] studentId) {
            md.update(seed);
            md.update(schoolId);
            md.update(LotteryKeys.UNIT_SEPARATOR);
            md.update(studentId);
            return finish();
        }

        private long finish() {
            try {
                md.digest(out, 0, 32);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
            return KeyRanking.prefixOf(out);
        }
    }
}
