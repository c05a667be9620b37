package org.xuewei.platform.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** A person's relation to the child (与适龄儿童关系). */
public enum Relation {
    CHILD("本人"),
    FATHER("父亲"),
    MOTHER("母亲"),
    PATERNAL_GRANDFATHER("祖父"),
    PATERNAL_GRANDMOTHER("祖母"),
    MATERNAL_GRANDFATHER("外祖父"),
    MATERNAL_GRANDMOTHER("外祖母"),
    OTHER_RELATIVE("其他亲属"),
    NON_RELATIVE("非亲属");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    private static final Map<String, Relation> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Relation::name, r -> r));

    /** The relation's Chinese label when {@code name} names one, else {@code name} itself (no exception thrown). */
    public static String labelOf(String name) {
        Relation r = name == null ? null : BY_NAME.get(name);
        return r == null ? name : r.label;
    }

    /** Chinese label shown to parents. */
    public String label() {
        return label;
    }

    public boolean isParent() {
        return this == FATHER || this == MOTHER;
    }

    public boolean isGrandparent() {
        return this == PATERNAL_GRANDFATHER || this == PATERNAL_GRANDMOTHER
                || this == MATERNAL_GRANDFATHER || this == MATERNAL_GRANDMOTHER;
    }

    /** 直系亲属: the child, a parent or a grandparent. */
    public boolean isDirect() {
        return this == CHILD || isParent() || isGrandparent();
    }
}
