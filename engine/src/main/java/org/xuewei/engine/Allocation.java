package org.xuewei.engine;

/** 派位结果 — where each student of an {@link Instance} is placed, and with which seed. */
public final class Allocation {
    private final Instance instance;
    private final byte[] seed;
    private final int[] position;

    /**
     * @param position for each student, the 0-based position in its list of the school it is
     *                 placed at, or -1 when unplaced
     */
    public Allocation(Instance instance, byte[] seed, int[] position) {
        if (position.length != instance.studentCount()) {
            throw new IllegalArgumentException("one position per student expected");
        }
        this.instance = instance;
        this.seed = seed.clone();
        this.position = position;
    }

    public Instance instance() {
        return instance;
    }

    public byte[] seed() {
        return seed.clone();
    }

    /** School index the student is placed at, or -1. */
    public int schoolOf(int student) {
        int p = position[student];
        return p < 0 ? -1 : instance.choiceSchool(instance.choiceStart(student) + p);
    }

    /** 1-based position of the placed choice in the student's list, or 0 when unplaced. */
    public int choiceOf(int student) {
        return position[student] + 1;
    }

    /** School id the student is placed at, or null. */
    public String schoolIdOf(int student) {
        int s = schoolOf(student);
        return s < 0 ? null : instance.schoolId(s);
    }

    /** Seats taken at each school (a bound group may push a school over capacity, §2). */
    public long[] seatsTaken() {
        long[] used = new long[instance.schoolCount()];
        for (int i = 0; i < instance.studentCount(); i++) {
            int s = schoolOf(i);
            if (s >= 0) {
                used[s]++;
            }
        }
        return used;
    }
}
