package org.xuewei.engine.core;

/** Stable merge sort of int arrays under a comparator, without boxing. */
public final class IntSorts {
    /** Compares two ints (e.g. two student indices by id). */
    @FunctionalInterface
    public interface IntComparator {
        int compare(int a, int b);
    }

    private IntSorts() {
    }

    public static void sort(int[] a, IntComparator cmp) {
        sort(a, 0, a.length, cmp);
    }

    public static void sort(int[] a, int from, int to, IntComparator cmp) {
        if (to - from < 2) {
            return;
        }
        int[] buf = new int[to - from];
        mergeSort(a, buf, from, to, cmp);
    }

    private static void mergeSort(int[] a, int[] buf, int from, int to, IntComparator cmp) {
        int n = to - from;
        if (n <= 24) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && cmp.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, buf, from, mid, cmp);
        mergeSort(a, buf, mid, to, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        int len = mid - from;
        System.arraycopy(a, from, buf, 0, len);
        int i = 0;
        int j = mid;
        int k = from;
        while (i < len && j < to) {
            if (cmp.compare(a[j], buf[i]) < 0) {
                a[k++] = a[j++];
            } else {
                a[k++] = buf[i++];
            }
        }
        while (i < len) {
            a[k++] = buf[i++];
        }
    }
}
