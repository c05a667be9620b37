package org.xuewei.engine.overflow;

/** A school that still has seats after the main round: id, location (WGS-84 degrees), seats left. */
public record OverflowSchool(String id, double latitude, double longitude, int freeSeats) {
}
