package org.xuewei.platform.policy;

/** 入学年级 — the two entry grades: G1 幼升小, G7 小升初. */
public enum Grade {
    G1, G7
}
