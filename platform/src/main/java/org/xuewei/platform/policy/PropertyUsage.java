package org.xuewei.platform.policy;

/** 房屋用途 — usage recorded on a property certificate or purchase contract. */
public enum PropertyUsage {
    RESIDENTIAL("住宅"),
    APARTMENT("公寓"),
    COMMERCIAL_RESIDENTIAL("商住"),
    COMMERCIAL("商业"),
    OFFICE("办公"),
    GARAGE("车库");

    private final String label;

    PropertyUsage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
