package org.xuewei.platform.policy;

/** A sibling: twin (同胞多胞胎) or not, same parents or not, and the school they attend (if any). */
public record SiblingFact(String childId, boolean twin, boolean sameParents, String schoolId) {
}
