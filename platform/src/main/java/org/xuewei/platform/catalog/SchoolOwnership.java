package org.xuewei.platform.catalog;

/** 办学性质 — who runs a school. */
public enum SchoolOwnership {
    /** 公办 — run by the district; admits its zone's children by category. */
    PUBLIC,
    /** 民办 — private; a child applies to at most one, lottery when over-subscribed. */
    PRIVATE
}
