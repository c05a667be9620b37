package org.xuewei.platform.application.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuewei.platform.admission.AdmissionOfferMade;
import org.xuewei.platform.application.ApplicationNotice;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.EnrollmentApplication;

import java.util.List;
import java.util.UUID;

/**
 * A place given after publication — a second batch (第二批次补录) or an upheld appeal (复议): the child's timeline gets
 * a step (its status stays: the result was published already) and the parent gets one SMS and one inbox message
 * naming the school, through {@link ApplicationNotice}. Runs in the admission transaction that made the offer.
 */
@Component
class AdmissionOffers {

    static final String KEY = "application.notice.";

    private record Row(UUID id, String guardianHash, ApplicationStatus status) {
    }

    private final ApplicationStore store;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AdmissionOffers(ApplicationStore store, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void on(AdmissionOfferMade offer) {
        jdbc.sql("select id, guardian_hash, status from application.application where number = :number")
                .param("number", offer.applicationNo())
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("guardian_hash"),
                        ApplicationStatus.valueOf(rs.getString("status"))))
                .optional()
                .ifPresent(row -> {
                    store.appendSteps(row.id(), List.of(new EnrollmentApplication.Step(row.status(), offer.at(),
                            AdmissionOutcomes.SYSTEM, List.of())));
                    events.publishEvent(new ApplicationNotice(row.id(), offer.applicationNo(), offer.districtCode(),
                            row.guardianHash(), KEY + offer.reason(), List.of(offer.applicationNo(), offer.schoolName()),
                            offer.at()));
                });
    }
}
