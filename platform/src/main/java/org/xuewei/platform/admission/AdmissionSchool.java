package org.xuewei.platform.admission;

import java.util.Objects;

/**
 * A school as the allocation sees it: its plan for the season and grade (招生计划) and its location.
 *
 * @param code          school code (the id published in draws: {@code [A-Za-z0-9_-]{1,64}})
 * @param name          its name
 * @param privateSchool 民办
 * @param latitude      WGS-84, or {@code null}
 * @param longitude     WGS-84, or {@code null}
 * @param seats         places planned (计划数)
 * @param classes       classes planned
 * @param classSize     班额 cap per class
 */
public record AdmissionSchool(String code, String name, boolean privateSchool, Double latitude, Double longitude,
                              int seats, int classes, int classSize) {

    public AdmissionSchool {
        Objects.requireNonNull(code, "code");
        if (!AdmissionCandidate.NUMBER.matcher(code).matches()) {
            throw new IllegalArgumentException("school code must be 1-64 characters of [A-Za-z0-9_-]: " + code);
        }
        name = name == null ? code : name;
        if (seats < 0 || classes < 0 || classSize < 0) {
            throw new IllegalArgumentException("seats, classes and class size must not be negative");
        }
    }

    /** The most the planned classes can hold: 优待 children are placed up to it (class caps). */
    public int classCap() {
        return Math.max(seats, classes * classSize);
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }
}
