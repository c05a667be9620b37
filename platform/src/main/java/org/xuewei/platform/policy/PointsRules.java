package org.xuewei.platform.policy;

import java.util.List;

/**
 * 积分 — an optional points score: the sum of items, each a CEL formula (int or double) capped at {@code max}.
 * {@code text} explains an item to parents and may use {@code {expr}} placeholders like conditions.
 */
public record PointsRules(List<Item> items) {
    public PointsRules {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public record Item(String code, String name, String formula, Double max, String text) {
    }
}
