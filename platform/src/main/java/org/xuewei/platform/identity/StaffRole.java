package org.xuewei.platform.identity;

/** What a staff account may do, and over which scope. */
public enum StaffRole {

    /** 学校 — a school: its applicants, arrivals and classes. Scoped to one school in one district. */
    SCHOOL,
    /** 区教育局管理员 — a district bureau's administrator: policy, plans, lotteries. Scoped to one district. */
    DISTRICT_ADMIN,
    /** 区教育局审核员 — a district bureau's reviewer: manual review and appeals. Scoped to one district. */
    DISTRICT_REVIEWER,
    /** 市教育局管理员 — the city bureau: the shared platform, city rules, the cockpit. The whole city. */
    CITY_ADMIN,
    /** 审计 — reads the audit log and re-checks lotteries. The whole city, read only. */
    AUDITOR;

    /** The Spring Security authority of this role, e.g. {@code ROLE_CITY_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** True for roles that need a district code (district staff and schools). */
    public boolean needsDistrict() {
        return this == SCHOOL || this == DISTRICT_ADMIN || this == DISTRICT_REVIEWER;
    }

    /** True for the district bureau's own roles. */
    public boolean districtStaff() {
        return this == DISTRICT_ADMIN || this == DISTRICT_REVIEWER;
    }
}
