package org.xuewei.platform.catalog;

/** 学段 — the stage a school teaches, with its entry grade and its class-size cap (DOMAIN.md §9). */
public enum SchoolStage {

    /** 小学 — primary school, entered in grade 1 (幼升小); at most 45 per class. */
    PRIMARY(1, 45),
    /** 初中 — junior secondary school, entered in grade 7 (小升初); at most 50 per class. */
    JUNIOR(7, 50);

    private final int entryGrade;
    private final int classSizeCap;

    SchoolStage(int entryGrade, int classSizeCap) {
        this.entryGrade = entryGrade;
        this.classSizeCap = classSizeCap;
    }

    /** The grade children enter in: 1 or 7. */
    public int entryGrade() {
        return entryGrade;
    }

    /** The largest class allowed: 45 (primary) or 50 (junior). */
    public int classSizeCap() {
        return classSizeCap;
    }

    /** The stage whose entry grade this is, or {@code null} for any other grade. */
    public static SchoolStage ofEntryGrade(int grade) {
        for (SchoolStage stage : values()) {
            if (stage.entryGrade == grade) {
                return stage;
            }
        }
        return null;
    }
}
