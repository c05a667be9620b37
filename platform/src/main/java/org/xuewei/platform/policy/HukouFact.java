package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * 户籍 — one person's household registration.
 *
 * @param holder      whose hukou this is (child, father, mother, …)
 * @param householder the householder (户主) of that household, as a relation to the child
 * @param collective  集体户 rather than a family household
 * @param moveInDate  迁入日期
 * @param members     the child's relatives registered in the same household (including the holder)
 */
public record HukouFact(Relation holder, Address address, Relation householder, boolean collective,
                        LocalDate moveInDate, java.util.Set<Relation> members, SourceRef source) {
    public HukouFact {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(householder, "householder");
        Objects.requireNonNull(moveInDate, "moveInDate");
        members = members == null ? java.util.Set.of(holder) : java.util.Set.copyOf(members);
        source = source == null ? SourceRef.of(RegistrySource.HUKOU, "") : source;
    }
}
