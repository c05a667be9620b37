package org.xuewei.platform.policy.seed;

import java.time.LocalDate;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyCalendar;
import org.xuewei.platform.policy.SeasonWindow;

/**
 * The demo season's calendar: laid out relative to the day the demo starts, so that a newcomer finds the
 * application window open on any date. Only the calendar moves; the season's cut-off dates (age, certificates,
 * permits) stay those of the season the synthetic city was generated for.
 */
final class DemoCalendar {

    static final String COLLECT = "COLLECT";

    private DemoCalendar() {
    }

    static Policy opening(Policy p, LocalDate collectionOpens) {
        if (p.calendar() == null) {
            return p;
        }
        PolicyCalendar calendar = p.calendar().withPhaseStartingOn(COLLECT, collectionOpens);
        SeasonWindow window = p.window();
        if (window != null) {
            LocalDate opens = window.opens();
            LocalDate closes = window.closes();
            for (PolicyCalendar.Phase phase : calendar.phases()) {
                opens = phase.start().toLocalDate().isBefore(opens) ? phase.start().toLocalDate() : opens;
                closes = phase.end().toLocalDate().isAfter(closes) ? phase.end().toLocalDate() : closes;
            }
            window = new SeasonWindow(opens, closes);
        }
        return new Policy(p.id(), p.name(), p.district(), p.season(), p.basedOn(), p.example(), window,
                p.eligibility(), p.evidence(), p.categories(), p.points(), p.tieBreak(), p.propertyLock(),
                p.overflow(), p.siblings(), p.privateSchools(), p.preferentialCategories(), calendar);
    }
}
