package org.xuewei.platform.policy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** 招生日程 — the season's phases, per grade, with start and end date-times. */
public record PolicyCalendar(List<Phase> phases) {
    public PolicyCalendar {
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    /** e.g. {@code COLLECT} 信息采集, {@code REVIEW} 审核, {@code LOTTERY} 派位, {@code RESULTS} 公布, {@code APPEAL} 复议. */
    public record Phase(Grade grade, String code, String name, LocalDateTime start, LocalDateTime end) {
    }

    /** The earliest start of any phase. */
    public Optional<LocalDateTime> firstStart() {
        return phases.stream().map(Phase::start).min(Comparator.naturalOrder());
    }

    /**
     * The same calendar shifted so that its first phase starts on {@code day}, keeping every offset and time of
     * day: the demo season works on any date.
     */
    public PolicyCalendar relativeTo(LocalDate day) {
        Optional<LocalDateTime> first = firstStart();
        if (first.isEmpty()) {
            return this;
        }
        long shift = ChronoUnit.DAYS.between(first.get().toLocalDate(), day);
        return new PolicyCalendar(phases.stream()
                .map(p -> new Phase(p.grade(), p.code(), p.name(), p.start().plusDays(shift), p.end().plusDays(shift)))
                .toList());
    }

    /**
     * The calendar laid out so that, for every grade, the phase {@code code} (e.g. {@code COLLECT}) starts on
     * {@code day} at its own time of day; each grade's other phases keep their offsets from it. Grades without
     * that phase are left as they are. This is how the demo season opens its application window on any date.
     */
    public PolicyCalendar withPhaseStartingOn(String code, LocalDate day) {
        java.util.Map<Grade, Long> shifts = new java.util.EnumMap<>(Grade.class);
        for (Phase p : phases) {
            if (p.code().equals(code)) {
                shifts.putIfAbsent(p.grade(), ChronoUnit.DAYS.between(p.start().toLocalDate(), day));
            }
        }
        return new PolicyCalendar(phases.stream()
                .map(p -> {
                    long shift = shifts.getOrDefault(p.grade(), 0L);
                    return new Phase(p.grade(), p.code(), p.name(), p.start().plusDays(shift), p.end().plusDays(shift));
                })
                .toList());
    }

    /** The phase of a grade open at {@code now}, if any. */
    public Optional<Phase> openAt(Grade grade, LocalDateTime now) {
        return phases.stream()
                .filter(p -> p.grade() == grade && !now.isBefore(p.start()) && now.isBefore(p.end()))
                .findFirst();
    }
}
