package org.xuewei.platform.application.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.xuewei.platform.PlatformApplication;
import org.xuewei.platform.admission.AdmissionResults;
import org.xuewei.platform.admission.Appeals;
import org.xuewei.platform.admission.Arrivals;
import org.xuewei.platform.admission.ChildResult;
import org.xuewei.platform.admission.ResultExplanation;
import org.xuewei.platform.application.ApplicationView;
import org.xuewei.platform.application.Applications;
import org.xuewei.platform.application.internal.AdmissionOutcomes;
import org.xuewei.platform.audit.AuditEntry;
import org.xuewei.platform.audit.AuditLog;
import org.xuewei.platform.identity.Parent;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The parent's side of a published result, shared by the pages and the API: the parent's own application first
 * (another family's id is "not found", as everywhere), then admission's public API by its number.
 */
@Component
class ParentResults {

    /**
     * What the result page shows.
     *
     * @param result        the published result, or {@code null} while none is published
     * @param explanation   sentences on how the place was decided
     * @param canConfirm    the parent may confirm arrival now (an open offer before its deadline, not confirmed yet)
     * @param parentConfirmed the parent has confirmed arrival (the school's side may still be open)
     * @param deadlinePassed the arrival deadline has passed without the place being confirmed
     * @param appealStart   the APPEAL window's start (China time), or {@code null} without one
     * @param appealOpen    an appeal may be submitted now
     */
    record ResultPage(ApplicationView app, ChildResult result, List<String> explanation, LocalDateTime deadline,
                      boolean canConfirm, boolean parentConfirmed, boolean deadlinePassed, LocalDateTime appealStart, LocalDateTime appealEnd,
                      boolean appealOpen) {
    }

    private final Applications applications;
    private final AdmissionResults results;
    private final ResultExplanation explanations;
    private final Arrivals arrivals;
    private final Appeals appeals;
    private final AdmissionOutcomes outcomes;
    private final AuditLog audit;
    private final Clock clock;

    ParentResults(Applications applications, AdmissionResults results, ResultExplanation explanations, Arrivals arrivals,
                  Appeals appeals, AdmissionOutcomes outcomes, AuditLog audit, Clock clock) {
        this.applications = applications;
        this.results = results;
        this.explanations = explanations;
        this.arrivals = arrivals;
        this.appeals = appeals;
        this.outcomes = outcomes;
        this.audit = audit;
        this.clock = clock;
    }

    /** Throws {@code ApplicationNotFoundException} for an id that is not this parent's. */
    ResultPage page(Parent parent, UUID id, Locale locale, String clientIp) {
        ApplicationView app = applications.application(parent, id, clientIp);
        Optional<ChildResult> found = results.resultOf(app.number());
        if (found.isEmpty()) {
            return new ResultPage(app, null, List.of(), null, false, false, false, null, null, false);
        }
        ChildResult r = found.get();
        boolean before = r.arrivalDeadline() != null && clock.instant().isBefore(r.arrivalDeadline());
        boolean open = "OFFERED".equals(r.offerState());
        boolean confirmed = app.status() == org.xuewei.platform.application.ApplicationStatus.CONFIRMED;
        Optional<LocalDateTime[]> window = appeals.windowFor(app.number());
        LocalDateTime now = LocalDateTime.now(clock.withZone(PlatformApplication.ZONE));
        boolean appealOpen = window.map(w -> !now.isBefore(w[0]) && now.isBefore(w[1])).orElse(false);
        return new ResultPage(app, r, explanations.sentences(r, locale),
                r.arrivalDeadline() == null ? null : LocalDateTime.ofInstant(r.arrivalDeadline(), PlatformApplication.ZONE),
                open && before && !confirmed, confirmed, open && !before && !confirmed, window.map(w -> w[0]).orElse(null), window.map(w -> w[1]).orElse(null),
                appealOpen);
    }

    /** The admission notice PDF, or empty when the child has none. */
    Optional<byte[]> notice(Parent parent, UUID id, HttpServletRequest request) {
        ApplicationView app = applications.application(parent, id, request.getRemoteAddr());
        Optional<byte[]> pdf = results.noticePdf(app.number(), base(request));
        pdf.ifPresent(p -> audit.record(new AuditEntry(parent.subject(), "application.notice.downloaded", app.number(),
                request.getRemoteAddr(), "")));
        return pdf;
    }

    /** 双确认, the parent's side; refused (AdmissionRefused) after the deadline or without an open offer. */
    ApplicationView confirm(Parent parent, UUID id, String clientIp) {
        ApplicationView app = applications.application(parent, id, clientIp);
        arrivals.confirmByParent(parent.subject(), app.number());
        outcomes.confirmedByParent(app.number(), parent.subject());
        return app;
    }

    /** 复议; refused (AdmissionRefused) outside the window, without a reason, or while one is open. */
    long appeal(Parent parent, UUID id, String reason, String evidence, String clientIp) {
        ApplicationView app = applications.application(parent, id, clientIp);
        return appeals.submit(parent.subject(), app.number(), reason, evidence);
    }

    static String base(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .build().toUriString();
    }
}
