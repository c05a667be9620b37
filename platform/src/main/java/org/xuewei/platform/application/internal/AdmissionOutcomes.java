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
import org.xuewei.platform.application.ApplicationStatusesChanged;
import org.xuewei.platform.application.EnrollmentApplication;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The admission results as application statuses: when a district publishes (录取结果发布), every verified
 * application of the run moves VERIFIED → ALLOCATED → PUBLISHED (both steps on the timeline, by the system), in bulk
 * (one update and one insert of timeline steps per ten thousand applications), and one
 * {@link ApplicationStatusesChanged} carries all the moves, so the notification outbox writes one SMS and one inbox
 * message for each child, placed or not, in bulk too. Runs synchronously in the publication's transaction: the
 * statuses and the messages commit or roll back with the publication. Applications in any other status are left as they are, so a
 * repeated event changes nothing. The parent's confirmation of arrival moves PUBLISHED → CONFIRMED.
 */
@Component
public class AdmissionOutcomes {

    private static final Logger log = LoggerFactory.getLogger(AdmissionOutcomes.class);
    static final String SYSTEM = "system";
    /** Applications moved per statement. */
    private static final int CHUNK = 10_000;

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
        List<String> numbers = new ArrayList<>(results.publishedOutcomes(published.runId()).keySet());
        List<ApplicationStatus> path = List.of(ApplicationStatus.ALLOCATED, ApplicationStatus.PUBLISHED);
        List<String> from = Arrays.stream(ApplicationStatus.values()).filter(s -> allows(s, path)).map(Enum::name).toList();
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        List<ApplicationStatusChanged> changes = new ArrayList<>(numbers.size());
        for (int start = 0; start < numbers.size(); start += CHUNK) {
            List<String> chunk = numbers.subList(start, Math.min(numbers.size(), start + CHUNK));
            List<Row> moved = jdbc.sql("""
                            update application.application a set status = :to, updated_at = :now
                            from (select id, status as was from application.application
                                  where number = any(:numbers) and status = any(:from)) old
                            where a.id = old.id and a.status = old.was
                            returning a.id, a.number, a.district_code, a.guardian_hash, old.was""")
                    .param("to", path.get(path.size() - 1).name()).param("now", at)
                    .param("numbers", chunk.toArray(String[]::new)).param("from", from.toArray(String[]::new))
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), ApplicationStatus.valueOf(rs.getString(5))))
                    .list();
            appendSteps(moved, path, SYSTEM, at);
            moved.forEach(row -> changes.add(new ApplicationStatusChanged(row.id(), row.number(), row.districtCode(),
                    row.guardianHash(), row.status(), path.get(path.size() - 1), "", SYSTEM, now)));
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new ApplicationStatusesChanged(changes));
        }
        log.info("admission run {} published ({} {} G{}): {} of {} applications moved to PUBLISHED", published.runId(),
                published.districtCode(), published.season(), published.grade(), changes.size(), numbers.size());
    }

    /** The state machine allows every step of {@code path} from {@code status}. */
    static boolean allows(ApplicationStatus status, List<ApplicationStatus> path) {
        ApplicationStatus at = status;
        for (ApplicationStatus next : path) {
            if (!at.canMoveTo(next)) {
                return false;
            }
            at = next;
        }
        return true;
    }

    /** The timeline steps of many applications in one statement per chunk (every application: each step of path). */
    private void appendSteps(List<Row> rows, List<ApplicationStatus> path, String actor, OffsetDateTime at) {
        if (rows.isEmpty()) {
            return;
        }
        int size = rows.size() * path.size();
        String[] ids = new String[size];
        String[] statuses = new String[size];
        int i = 0;
        for (Row row : rows) {
            for (ApplicationStatus step : path) {
                ids[i] = row.id().toString();
                statuses[i++] = step.name();
            }
        }
        jdbc.sql("""
                        insert into application.application_step (application_id, status, occurred_at, actor, reasons)
                        select cast(s.id as uuid), s.status, :at, :actor, ''
                        from unnest(:ids, :statuses) with ordinality as s(id, status, n) order by s.n""")
                .param("ids", ids).param("statuses", statuses).param("at", at).param("actor", actor).update();
    }

    /** The parent confirmed arrival (报到) of the application with this number: PUBLISHED → CONFIRMED. */
    public void confirmedByParent(String number, String actor) {
        tx.executeWithoutResult(status -> rows(List.of(number))
                .forEach(row -> move(row, List.of(ApplicationStatus.CONFIRMED), actor, clock.instant())));
    }

    /** Moves along {@code path} if the state machine allows it from the row's status; one event for the whole path. */
    private boolean move(Row row, List<ApplicationStatus> path, String actor, Instant now) {
        if (!allows(row.status(), path)) {
            return false;
        }
        ApplicationStatus at = path.get(path.size() - 1);
        List<EnrollmentApplication.Step> steps = path.stream()
                .map(next -> new EnrollmentApplication.Step(next, now, actor, List.of())).toList();
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
