package org.xuewei.platform.catalog;

/**
 * 招生计划 — what a school offers in one season and entry grade.
 *
 * @param schoolCode the school
 * @param season     the enrollment year, e.g. 2027
 * @param grade      the entry grade: 1 (幼升小) or 7 (小升初)
 * @param classes    number of classes (班级数), at least 1
 * @param classSize  children per class (班额), at most 45 (primary) or 50 (junior)
 * @param seats      places offered (计划数): at most classes × class size; equal to it unless the
 *                   bureau planned fewer
 */
public record EnrollmentPlan(String schoolCode, int season, int grade, int classes, int classSize, int seats) {

    /** Classes × class size: the most the plan's classes can hold. */
    public int capacity() {
        return classes * classSize;
    }
}
