package org.xuewei.platform.application.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xuewei.platform.admission.AdmissionRefused;
import org.xuewei.platform.admission.ChildResult;
import org.xuewei.platform.application.ApplicationNotFoundException;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The parent's result as JSON (same rules as the pages); errors are problem details. */
@RestController
@RequestMapping("/api/v1/parent/applications/{id}")
class ParentResultApi {

    /**
     * A published result.
     *
     * @param route          PREFERENTIAL, CHOICE, OVERFLOW, SECOND_BATCH or UNPLACED
     * @param offerState     OFFERED, CONFIRMED, RELEASED, or {@code null} without a place
     * @param noticeUrl      the admission notice PDF, or {@code null} without one
     * @param canConfirm     the parent may confirm arrival now
     * @param appealOpen     an appeal may be submitted now (window in China time)
     */
    record ParentResult(String applicationNo, String route, String schoolCode, String schoolName, Integer choice, int category,
                  Integer cutoffCategory, String lotterySchool, Integer lotteryPosition, Integer lotteryTied,
                  Double distanceMeters, String offerState, LocalDateTime arrivalDeadline, List<String> explanation,
                  String noticeUrl, boolean canConfirm, LocalDateTime appealStart, LocalDateTime appealEnd,
                  boolean appealOpen) {
    }

    /** The body of an appeal. */
    record AppealBody(String reason, String evidence) {
    }

    /** The answer to an appeal. */
    record AppealCreated(long appealId, String state) {
    }

    private final ParentResults results;
    private final MessageSource messages;

    ParentResultApi(ParentResults results, MessageSource messages) {
        this.results = results;
        this.messages = messages;
    }

    @GetMapping("/result")
    ParentResult result(@PathVariable UUID id, Authentication auth, HttpServletRequest request, Locale locale) {
        ParentResults.ResultPage page = results.page(ParentPages.parent(auth), id, locale, request.getRemoteAddr());
        if (page.result() == null) {
            throw new NoResult();
        }
        ChildResult r = page.result();
        return new ParentResult(r.applicationNo(), r.route(), r.schoolCode(), r.schoolName(), r.choice(), r.category(),
                r.cutoffCategory(), r.lotterySchool(), r.lotteryPosition(), r.lotteryTied(), r.distanceMeters(),
                r.offerState(), page.deadline(), page.explanation(),
                r.noticeCode() == null ? null : "/api/v1/parent/applications/" + id + "/notice.pdf", page.canConfirm(),
                page.appealStart(), page.appealEnd(), page.appealOpen());
    }

    @GetMapping("/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable UUID id, Authentication auth, HttpServletRequest request) {
        byte[] pdf = results.notice(ParentPages.parent(auth), id, request)
                .orElseThrow(NoResult::new);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"admission-notice.pdf\"")
                .header("Cache-Control", "no-store").body(pdf);
    }

    /** 双确认, the parent's side. */
    @PostMapping("/confirmation")
    ParentResult confirm(@PathVariable UUID id, Authentication auth, HttpServletRequest request, Locale locale) {
        results.confirm(ParentPages.parent(auth), id, request.getRemoteAddr());
        return result(id, auth, request, locale);
    }

    /** 复议 within the calendar's window. */
    @PostMapping("/appeals")
    ResponseEntity<AppealCreated> appeal(@PathVariable UUID id, @RequestBody AppealBody body, Authentication auth,
                                         HttpServletRequest request) {
        long appeal = results.appeal(ParentPages.parent(auth), id, body.reason(), body.evidence(), request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/parent/applications/" + id + "/result"))
                .body(new AppealCreated(appeal, "SUBMITTED"));
    }

    /** No published result (or no notice) for this application yet. */
    static class NoResult extends RuntimeException {
        NoResult() {
            super("no published result");
        }
    }

    @ExceptionHandler(NoResult.class)
    ProblemDetail noResult(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("application.result.none", null, locale));
        problem.setTitle("No result");
        problem.setProperty("code", "application.result.none");
        return problem;
    }

    @ExceptionHandler(ApplicationNotFoundException.class)
    ProblemDetail notFound(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("application.error.not-found", null, locale));
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(AdmissionRefused.class)
    ProblemDetail refused(AdmissionRefused e, Locale locale) {
        // keys of the admission bundle, named by their last part
        HttpStatus status = e.key().endsWith(".no-offer") || e.key().endsWith(".not-published") ? HttpStatus.NOT_FOUND
                : e.key().endsWith(".appeal-reason") ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.key(), e.args(), e.key(), locale));
        problem.setTitle(messages.getMessage("application.result.refused", null, locale));
        problem.setProperty("code", e.key());
        return problem;
    }
}
