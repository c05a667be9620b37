package org.xuewei.engine;

/** 随机排序方式 — one lottery key per student, or one per student and school. */
public enum TieBreak {
    SINGLE("single"),
    MULTIPLE("multiple");

    private final String wireName;

    TieBreak(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses the instance-file name; null if unknown. */
    public static TieBreak fromWire(String name) {
        for (TieBreak t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
