package org.xuewei.platform.policy;

/** A past admission that used a home (学位占用): which child, which grade, which year. */
public record PlaceUse(String childId, Grade grade, int year) {
}
