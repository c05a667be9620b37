package org.xuewei.platform.policy;

import java.util.List;

/** 积分 — total and item-by-item breakdown (each item after its cap). */
public record PointsScore(double total, List<Item> items) {
    public PointsScore {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public record Item(String code, String name, double raw, double points, Double max, String text) {
    }
}
