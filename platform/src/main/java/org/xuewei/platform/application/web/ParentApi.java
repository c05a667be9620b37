package org.xuewei.platform.application.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xuewei.platform.application.ApplicationNotFoundException;
import org.xuewei.platform.application.ApplicationRefusedException;
import org.xuewei.platform.application.ApplicationView;
import org.xuewei.platform.application.Applications;
import org.xuewei.platform.application.CheckResult;
import org.xuewei.platform.application.ChildSummary;
import org.xuewei.platform.application.SubmitRequest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The parent's use cases as JSON (same rules as the pages); errors are problem details. */
@RestController
@RequestMapping("/api/v1/parent")
class ParentApi {

    /** The body of a submission; the idempotency key comes in the {@code Idempotency-Key} header. */
    record Submission(String homeId, String publicSchool, String privateSchool, boolean consent, String note) {
    }

    private final Applications applications;
    private final MessageSource messages;

    ParentApi(Applications applications, MessageSource messages) {
        this.applications = applications;
        this.messages = messages;
    }

    @GetMapping("/children")
    List<ChildSummary> children(Authentication auth, HttpServletRequest request) {
        return applications.children(ParentPages.parent(auth), request.getRemoteAddr());
    }

    /** The body of adding a child outside the household. */
    record NewChild(String idNumber) {
    }

    @PostMapping("/children")
    ResponseEntity<ChildSummary> addChild(@RequestBody NewChild body, Authentication auth, HttpServletRequest request) {
        ChildSummary child = applications.addChild(ParentPages.parent(auth), body.idNumber(), request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/v1/parent/children/" + child.ref() + "/check")).body(child);
    }

    @GetMapping("/children/{ref}/check")
    CheckResult check(@PathVariable UUID ref, Authentication auth, HttpServletRequest request, Locale locale) {
        return applications.check(ParentPages.parent(auth), ref, locale, request.getRemoteAddr());
    }

    @PostMapping("/children/{ref}/applications")
    ResponseEntity<ApplicationView> submit(@PathVariable UUID ref, @RequestBody Submission body,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                           Authentication auth, HttpServletRequest request) {
        ApplicationView view = applications.submit(ParentPages.parent(auth), ref, new SubmitRequest(body.homeId(),
                body.publicSchool(), body.privateSchool(), body.consent(), body.note(), key), request.getRemoteAddr());
        return view.created()
                ? ResponseEntity.created(URI.create("/api/v1/parent/applications/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    /** Change an application while it may still change (home, public option, private school, note). */
    @PutMapping("/applications/{id}")
    ApplicationView amend(@PathVariable UUID id, @RequestBody Submission body, Authentication auth, HttpServletRequest request) {
        return applications.amend(ParentPages.parent(auth), id, new SubmitRequest(body.homeId(), body.publicSchool(),
                body.privateSchool(), body.consent(), body.note(), null), request.getRemoteAddr());
    }

    @GetMapping("/applications/{id}")
    ApplicationView application(@PathVariable UUID id, Authentication auth, HttpServletRequest request) {
        return applications.application(ParentPages.parent(auth), id, request.getRemoteAddr());
    }

    @ExceptionHandler(ApplicationNotFoundException.class)
    ProblemDetail notFound(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("application.error.not-found", null, locale));
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(ApplicationRefusedException.class)
    ProblemDetail refused(ApplicationRefusedException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                messages.getMessage(e.messageKey(), null, locale));
        problem.setTitle(e.conflict() ? "Already applied" : "Cannot submit");
        problem.setProperty("code", e.messageKey());
        return problem;
    }
}
