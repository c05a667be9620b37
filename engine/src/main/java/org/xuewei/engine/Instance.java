package org.xuewei.engine;

import java.math.BigDecimal;

/**
 * 派位实例 — a validated allocation instance ({@code xuewei-allocation/1}) held in primitive arrays.
 * Build one with {@link InstanceBuilder} or read one with {@code org.xuewei.engine.io.InstanceReader}.
 *
 * <p>Applications (a student's choices) are stored flat: student {@code i}'s choices are the
 * entries {@code choiceStart[i] .. choiceStart[i+1]-1}, in order of preference. Points are stored
 * as a level: the index of the value in {@link #pointsLevels()}, the distinct point values in
 * ascending order (equal decimals such as 12.5 and 12.50 share a level). The arrays are shared,
 * not copied: treat them as read-only.
 */
public final class Instance {
    public static final String FORMAT = "xuewei-allocation/1";

    private final Mechanism mechanism;
    private final TieBreak tieBreak;
    private final byte[] seed;
    private final String[] schoolIds;
    private final int[] capacities;
    private final String[] studentIds;
    private final int[] choiceStart;
    private final int[] choiceSchool;
    private final int[] choiceTier;
    private final int[] choicePoints;
    private final BigDecimal[] pointsLevels;
    private final int[] groupStart;
    private final int[] groupMembers;
    private final int[] studentGroup;
    private final int[] studentsById;

    Instance(Mechanism mechanism, TieBreak tieBreak, byte[] seed, String[] schoolIds, int[] capacities,
             String[] studentIds, int[] choiceStart, int[] choiceSchool, int[] choiceTier, int[] choicePoints,
             BigDecimal[] pointsLevels, int[] groupStart, int[] groupMembers, int[] studentGroup,
             int[] studentsById) {
        this.mechanism = mechanism;
        this.tieBreak = tieBreak;
        this.seed = seed;
        this.schoolIds = schoolIds;
        this.capacities = capacities;
        this.studentIds = studentIds;
        this.choiceStart = choiceStart;
        this.choiceSchool = choiceSchool;
        this.choiceTier = choiceTier;
        this.choicePoints = choicePoints;
        this.pointsLevels = pointsLevels;
        this.groupStart = groupStart;
        this.groupMembers = groupMembers;
        this.studentGroup = studentGroup;
        this.studentsById = studentsById;
    }

    public Mechanism mechanism() {
        return mechanism;
    }

    public TieBreak tieBreak() {
        return tieBreak;
    }

    /** The seed in the file (32 bytes), or null when the file has none. */
    public byte[] seed() {
        return seed == null ? null : seed.clone();
    }

    public int schoolCount() {
        return schoolIds.length;
    }

    public int studentCount() {
        return studentIds.length;
    }

    public int applicationCount() {
        return choiceSchool.length;
    }

    public String schoolId(int school) {
        return schoolIds[school];
    }

    public int capacity(int school) {
        return capacities[school];
    }

    public String studentId(int student) {
        return studentIds[student];
    }

    /** Index of the first application of {@code student}; {@code choiceStart(n)} is the total. */
    public int choiceStart(int student) {
        return choiceStart[student];
    }

    public int choiceCount(int student) {
        return choiceStart[student + 1] - choiceStart[student];
    }

    public int choiceSchool(int application) {
        return choiceSchool[application];
    }

    public int choiceTier(int application) {
        return choiceTier[application];
    }

    /** Points level of an application: an index into {@link #pointsLevels()}. */
    public int choicePointsLevel(int application) {
        return choicePoints[application];
    }

    public BigDecimal choicePoints(int application) {
        return pointsLevels[choicePoints[application]];
    }

    /** Distinct point values, ascending. */
    public BigDecimal[] pointsLevels() {
        return pointsLevels.clone();
    }

    public int pointsLevelCount() {
        return pointsLevels.length;
    }

    public int groupCount() {
        return groupStart.length - 1;
    }

    public int groupSize(int group) {
        return groupStart[group + 1] - groupStart[group];
    }

    public int groupMember(int group, int k) {
        return groupMembers[groupStart[group] + k];
    }

    /** The group of a student, or -1. */
    public int groupOf(int student) {
        return studentGroup[student];
    }

    /** Student indices sorted by id in byte order (the order of result files). */
    public int studentByIdOrder(int position) {
        return studentsById[position];
    }

    /** Position of the choice of {@code school} in the student's list, or -1. */
    public int positionOf(int student, int school) {
        for (int a = choiceStart[student]; a < choiceStart[student + 1]; a++) {
            if (choiceSchool[a] == school) {
                return a - choiceStart[student];
            }
        }
        return -1;
    }

    /** Index of the student with this id, or -1 (binary search in id order). */
    public int studentIndex(String id) {
        int lo = 0;
        int hi = studentsById.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = studentIds[studentsById[mid]].compareTo(id);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return studentsById[mid];
            }
        }
        return -1;
    }

    /** Index of the school with this id, or -1 (linear; for tools and tests). */
    public int schoolIndex(String id) {
        for (int s = 0; s < schoolIds.length; s++) {
            if (schoolIds[s].equals(id)) {
                return s;
            }
        }
        return -1;
    }
}
