package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.util.Objects;

/** 婚姻登记 — a marriage or divorce of a guardian (民政). */
public record MaritalEventFact(Relation person, Kind kind, LocalDate date, SourceRef source) {
    public enum Kind { MARRIAGE, DIVORCE }

    public MaritalEventFact {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        source = source == null ? SourceRef.of(RegistrySource.CIVIL_AFFAIRS, "") : source;
    }
}
