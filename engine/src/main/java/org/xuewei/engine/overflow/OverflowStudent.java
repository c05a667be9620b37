package org.xuewei.engine.overflow;

import java.math.BigDecimal;

/**
 * An unplaced student with a home location (WGS-84 degrees) and a priority for overflow: tier
 * (smaller is better), points (larger is better); ties are broken by the lottery key of
 * docs/lottery.md §3 (single tie-break).
 */
public record OverflowStudent(String id, double latitude, double longitude, int tier, BigDecimal points) {
    public OverflowStudent {
        points = points == null ? BigDecimal.ZERO : points;
    }
}
