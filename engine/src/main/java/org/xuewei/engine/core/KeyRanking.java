package org.xuewei.engine.core;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Ranks lottery keys once, globally: keys compare as unsigned big-endian integers. Each key is
 * represented by its first 8 bytes; the rare keys whose leading bits coincide are ordered by their
 * full 32 bytes, recomputed on demand, so the ranking is exact.
 */
public final class KeyRanking {
    private KeyRanking() {
    }

    /**
     * @param prefix  first 8 bytes of each key, big-endian
     * @param fullKey the full key of entry {@code i} (only called when leading bits coincide)
     * @return rank of each entry, 0 = smallest key
     */
    public static int[] rank(long[] prefix, IntFunction<byte[]> fullKey) {
        int n = prefix.length;
        int[] rank = new int[n];
        if (n == 0) {
            return rank;
        }
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(n - 1L));
        long mask = -1L << bits;
        long indexMask = ~mask;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((prefix[i] & mask) | i) ^ Long.MIN_VALUE;
        }
        if (n > 1 << 16) {
            Arrays.parallelSort(packed);
        } else {
            Arrays.sort(packed);
        }
        int p = 0;
        while (p < n) {
            long high = (packed[p] ^ Long.MIN_VALUE) & mask;
            int q = p + 1;
            while (q < n && ((packed[q] ^ Long.MIN_VALUE) & mask) == high) {
                q++;
            }
            if (q - p == 1) {
                rank[(int) ((packed[p] ^ Long.MIN_VALUE) & indexMask)] = p;
            } else {
                int[] ties = new int[q - p];
                byte[][] keys = new byte[q - p][];
                for (int t = 0; t < ties.length; t++) {
                    ties[t] = t;
                    keys[t] = fullKey.apply((int) ((packed[p + t] ^ Long.MIN_VALUE) & indexMask));
                }
                IntSorts.sort(ties, (a, b) -> Arrays.compareUnsigned(keys[a], keys[b]));
                for (int t = 0; t < ties.length; t++) {
                    rank[(int) ((packed[p + ties[t]] ^ Long.MIN_VALUE) & indexMask)] = p + t;
                }
            }
            p = q;
        }
        return rank;
    }

    /** The first 8 bytes of a digest as a big-endian long. */
    public static long prefixOf(byte[] digest) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (digest[i] & 0xFF);
        }
        return v;
    }
}
