package org.xuewei.engine.core;

/**
 * An instance ready for the mechanisms: flat primitive arrays and one packed priority per
 * application. Students bound in a group form one unit, represented by one member ({@code rep});
 * only representatives apply.
 *
 * <p>{@code prio[a]} packs (tier, points, lottery-key rank) so that a smaller long means a higher
 * priority at the school of application {@code a}: {@code tierAndPoints << keyBits | keyRank}. The
 * key rank is the global rank of the unit's lottery key (a group's smallest member key), and
 * {@code rankOwner[keyRank]} is the unit it belongs to.
 */
public final class Prepared {
    public final int studentCount;
    public final int schoolCount;
    public final int[] capacity;
    /** Student i's applications are {@code start[i] .. start[i+1]-1}. */
    public final int[] start;
    public final int[] school;
    public final long[] prio;
    /** Representative student of each student's unit (itself when not in a group). */
    public final int[] rep;
    /** Unit size for representatives, 0 for the other members of a group. */
    public final int[] size;
    public final long keyMask;
    public final int[] rankOwner;

    Prepared(int studentCount, int schoolCount, int[] capacity, int[] start, int[] school, long[] prio, int[] rep,
             int[] size, long keyMask, int[] rankOwner) {
        this.studentCount = studentCount;
        this.schoolCount = schoolCount;
        this.capacity = capacity;
        this.start = start;
        this.school = school;
        this.prio = prio;
        this.rep = rep;
        this.size = size;
        this.keyMask = keyMask;
        this.rankOwner = rankOwner;
    }

    /** The unit (representative) whose priority this is. */
    public int ownerOf(long priority) {
        return rankOwner[(int) (priority & keyMask)];
    }

    public boolean isRep(int student) {
        return size[student] > 0;
    }
}
