package org.xuewei.platform.admission.allocation;

/** How a child got (or did not get) a place. */
public enum Route {
    /** 优待: placed before ranking, within class caps */
    PREFERENTIAL,
    /** by the engine from the child's own choices (private first, then the public option) */
    CHOICE,
    /** 统筹: nearest school with room */
    OVERFLOW,
    /** no place yet: waiting for the district */
    UNPLACED
}
