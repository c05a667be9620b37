package org.xuewei.platform.application.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuewei.platform.admission.AdmissionPublished;
import org.xuewei.platform.admission.AdmissionResults;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.ApplicationStatusChanged;
import org.xuewei.platform.application.EnrollmentApplication;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The admission results as application statuses: when a district publishes (录取结果发布), every verified
 * application of the run moves VERIFIED → ALLOCATED → PUBLISHED (both steps on the timeline, by the system) and one
 * {@link ApplicationStatusChanged} is published per application, so the notification outbox writes one SMS and one
 * inbox message for each child, placed or not. Runs synchronously in the publication's transaction: the statuses and
 * the messages commit or roll back with the publication. Applications in any other status are left as they are, so a
 * repeated event changes nothing. The parent's confirmation of arrival moves PUBLISHED → CONFIRMED.
 */
@Component
public class AdmissionOutcomes {

    private static final Logger log = LoggerFactory.getLogger(AdmissionOutcomes.class);
    static final String SYSTEM = "system";

    private record Row(UUID id, String number, String districtCode, String guardianHash, ApplicationStatus status) {
    }

    private final AdmissionResults results;
    private final ApplicationStore store;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    AdmissionOutcomes(AdmissionResults results, ApplicationStore store, JdbcClient jdbc, ApplicationEventPublisher events,
                      TransactionTemplate tx, Clock clock) {
        this.results = results;
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener
    public void on(AdmissionPublished published) {
        Map<String, Boolean> outcomes = results.publishedOutcomes(published.runId());
        List<String> numbers = new ArrayList<>(outcomes.keySet());
        Instant now = clock.instant();
        int moved = 0;
        for (int from = 0; from < numbers.size(); from += 1000) {
            for (Row row : rows(numbers.subList(from, Math.min(numbers.size(), from + 1000)))) {
                if (move(row, List.of(ApplicationStatus.ALLOCATED, ApplicationStatus.PUBLISHED), SYSTEM, now)) {
                    moved++;
                }
            }
        }
        log.info("admission run {} published ({} {} G{}): {} of {} applications moved to PUBLISHED", published.runId(),
                published.districtCode(), published.season(), published.grade(), moved, numbers.size());
    }

    /** The parent confirmed arrival (报到) of the application with this number: PUBLISHED → CONFIRMED. */
    public void confirmedByParent(String number, String actor) {
        tx.executeWithoutResult(status -> rows(List.of(number))
                .forEach(row -> move(row, List.of(ApplicationStatus.CONFIRMED), actor, clock.instant())));
    }

    /** Moves along {@code path} if the state machine allows it from the row's status; one event for the whole path. */
    private boolean move(Row row, List<ApplicationStatus> path, String actor, Instant now) {
        ApplicationStatus at = row.status();
        List<EnrollmentApplication.Step> steps = new ArrayList<>();
        for (ApplicationStatus next : path) {
            if (!at.canMoveTo(next)) {
                return false;
            }
            steps.add(new EnrollmentApplication.Step(next, now, actor, List.of()));
            at = next;
        }
        int updated = jdbc.sql("""
                        update application.application set status = :to, updated_at = :now
                        where id = :id and status = :from""")
                .param("to", at.name()).param("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .param("id", row.id()).param("from", row.status().name()).update();
        if (updated != 1) {
            return false;
        }
        store.appendSteps(row.id(), steps);
        events.publishEvent(new ApplicationStatusChanged(row.id(), row.number(), row.districtCode(), row.guardianHash(),
                row.status(), at, "", actor, now));
        return true;
    }

    private List<Row> rows(List<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, number, district_code, guardian_hash, status from application.application
                        where number in (:numbers)""")
                .param("numbers", numbers)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getString("district_code"), rs.getString("guardian_hash"),
                        ApplicationStatus.valueOf(rs.getString("status"))))
                .list();
    }
}
