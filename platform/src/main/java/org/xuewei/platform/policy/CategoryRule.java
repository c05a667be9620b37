package org.xuewei.platform.policy;

import java.util.List;

/**
 * 生源类别 — one admission category. A child is in it when any route holds; a route holds when all its
 * conditions hold. Categories are tried in {@code rank} order (1 first); the first that holds decides.
 */
public record CategoryRule(String code, int rank, String name, String nameEn, List<Route> routes) {
    public CategoryRule {
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** One way into a category, e.g. 房户一致, or 现役军人子女. */
    public record Route(String id, String name, List<Condition> conditions) {
        public Route {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }
}
