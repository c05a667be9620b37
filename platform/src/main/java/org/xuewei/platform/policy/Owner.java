package org.xuewei.platform.policy;

import java.util.Objects;

/** An owner (权利人) or buyer and their share in percent (共有份额, two decimals in the registry). */
public record Owner(Relation relation, double sharePercent) {
    public Owner {
        Objects.requireNonNull(relation, "relation");
        if (sharePercent < 0 || sharePercent > 100) {
            throw new IllegalArgumentException("share must be 0..100: " + sharePercent);
        }
    }
}
