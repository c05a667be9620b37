package org.xuewei.platform.registry;

/** What a registry answered: a record, no record (404 no-record), or no answer (outage, timeout, open circuit). */
public enum LookupOutcome {
    FOUND, NOT_FOUND, UNAVAILABLE
}
