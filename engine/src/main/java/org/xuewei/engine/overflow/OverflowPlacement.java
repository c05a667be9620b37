package org.xuewei.engine.overflow;

/**
 * Where an overflow student goes: the school (null when none within reach has a seat), its rank among
 * the student's nearest schools (1 = nearest with a seat; 0 when unplaced) and the distance in metres
 * (NaN when unplaced).
 */
public record OverflowPlacement(String studentId, String schoolId, int rank, double distanceMeters) {
}
