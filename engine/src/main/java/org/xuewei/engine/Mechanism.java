package org.xuewei.engine;

/** 录取机制 — how seats are assigned. */
public enum Mechanism {
    /** Student-proposing deferred acceptance (延迟接受). */
    DEFERRED_ACCEPTANCE("deferred-acceptance"),
    /** Immediate acceptance, the "Boston" rule (志愿优先). */
    IMMEDIATE_ACCEPTANCE("immediate-acceptance");

    private final String wireName;

    Mechanism(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in instance files. */
    public String wireName() {
        return wireName;
    }

    /** Parses the instance-file name; null if unknown. */
    public static Mechanism fromWire(String name) {
        for (Mechanism m : values()) {
            if (m.wireName.equals(name)) {
                return m;
            }
        }
        return null;
    }
}
