package org.xuewei.platform.policy;

import java.util.Map;

/** 学位锁定 — one home gives one place per N years per grade; siblings of the same parents may be exempt. */
public record PropertyLock(Map<Grade, Integer> years, boolean siblingExempt) {
    public PropertyLock {
        years = years == null ? Map.of() : Map.copyOf(years);
    }

    public int yearsFor(Grade grade) {
        return years.getOrDefault(grade, 0);
    }
}
