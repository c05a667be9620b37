package org.xuewei.platform.review.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuewei.platform.application.ApplicationNotFoundException;
import org.xuewei.platform.application.ApplicationStatus;
import org.xuewei.platform.application.ReviewDesk;
import org.xuewei.platform.application.ReviewFilter;
import org.xuewei.platform.application.ReviewReason;
import org.xuewei.platform.catalog.District;
import org.xuewei.platform.catalog.Districts;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.review.ReviewDecisions;
import org.xuewei.platform.review.ReviewRefusedException;
import org.xuewei.platform.review.Reviewer;
import org.xuewei.platform.review.Supplements;
import org.xuewei.platform.review.internal.ReviewStore;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The review desk in the district console: the queue (filters, server-side paging), a case with its evidence and the
 * decisions. URL security admits the district's staff and the city administrator; deciding and revealing personal
 * data is for the district's reviewers and administrators ({@link Reviewer#mayDecide}).
 */
@Controller
@RequestMapping("/console/district/{code}/review")
class ReviewConsoleController {

    private final Districts districts;
    private final ReviewDesk desk;
    private final ReviewDecisions decisions;
    private final Supplements supplements;
    private final ReviewStore store;

    ReviewConsoleController(Districts districts, ReviewDesk desk, ReviewDecisions decisions, Supplements supplements,
                            ReviewStore store) {
        this.districts = districts;
        this.desk = desk;
        this.decisions = decisions;
        this.supplements = supplements;
        this.store = store;
    }

    @GetMapping
    String queue(@PathVariable String code, @RequestParam(required = false) ApplicationStatus status,
                 @RequestParam(required = false) ReviewReason reason, @RequestParam(required = false) Grade grade,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size, Model model) {
        District district = district(code);
        if (status != null && !ReviewFilter.QUEUE.contains(status)) {
            status = null;
        }
        model.addAttribute("district", district);
        model.addAttribute("statuses", ReviewFilter.QUEUE.stream().sorted().toList());
        model.addAttribute("reasons", ReviewReason.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("status", status);
        model.addAttribute("reason", reason);
        model.addAttribute("grade", grade);
        model.addAttribute("result", desk.queue(code, new ReviewFilter(status, reason, grade, page, size)));
        return "review/queue";
    }

    @GetMapping("/{id}")
    String caseFile(@PathVariable String code, @PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal staff,
                    HttpServletRequest request, Model model) {
        Reviewer reviewer = Reviewer.of(staff.account(), request.getRemoteAddr());
        model.addAttribute("district", district(code));
        model.addAttribute("file", desk.caseFile(code, id).orElseThrow(ApplicationNotFoundException::new));
        model.addAttribute("proposal", store.proposal(id).orElse(null));
        model.addAttribute("decisions", store.decisions(id));
        model.addAttribute("supplements", store.supplements(id));
        model.addAttribute("mayDecide", reviewer.mayDecide(code));
        model.addAttribute("me", reviewer.username());
        return "review/case";
    }

    @PostMapping("/{id}/reveal")
    String reveal(@PathVariable String code, @PathVariable UUID id, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal StaffPrincipal staff, HttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        Reviewer reviewer = Reviewer.of(staff.account(), request.getRemoteAddr());
        try {
            String idNumber = decisions.reveal(code, id, reason, reviewer);
            caseFile(code, id, staff, request, model);
            model.addAttribute("revealed", idNumber);
            return "review/case";
        } catch (ReviewRefusedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            return back(code, id);
        }
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable String code, @PathVariable UUID id, @RequestParam(required = false) String category,
                   @AuthenticationPrincipal StaffPrincipal staff, HttpServletRequest request, RedirectAttributes redirect) {
        return decide(code, id, redirect, "review.done.approved",
                () -> decisions.approve(code, id, category, Reviewer.of(staff.account(), request.getRemoteAddr())));
    }

    @PostMapping("/{id}/supplement")
    String supplement(@PathVariable String code, @PathVariable UUID id, @RequestParam(required = false) String message,
                      @AuthenticationPrincipal StaffPrincipal staff, HttpServletRequest request, RedirectAttributes redirect) {
        return decide(code, id, redirect, "review.done.supplement",
                () -> decisions.requestSupplement(code, id, message, Reviewer.of(staff.account(), request.getRemoteAddr())));
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable String code, @PathVariable UUID id, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal StaffPrincipal staff, HttpServletRequest request, RedirectAttributes redirect) {
        return decide(code, id, redirect, "review.done.proposed",
                () -> decisions.proposeRejection(code, id, reason, Reviewer.of(staff.account(), request.getRemoteAddr())));
    }

    @PostMapping("/{id}/reject/confirm")
    String confirm(@PathVariable String code, @PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal staff,
                   HttpServletRequest request, RedirectAttributes redirect) {
        return decide(code, id, redirect, "review.done.rejected",
                () -> decisions.confirmRejection(code, id, Reviewer.of(staff.account(), request.getRemoteAddr())));
    }

    @PostMapping("/{id}/reject/withdraw")
    String withdraw(@PathVariable String code, @PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal staff,
                    HttpServletRequest request, RedirectAttributes redirect) {
        return decide(code, id, redirect, "review.done.withdrawn",
                () -> decisions.withdrawRejection(code, id, Reviewer.of(staff.account(), request.getRemoteAddr())));
    }

    @GetMapping("/{id}/supplements/{file}")
    ResponseEntity<byte[]> file(@PathVariable String code, @PathVariable UUID id, @PathVariable UUID file,
                                @AuthenticationPrincipal StaffPrincipal staff, HttpServletRequest request) {
        Supplements.File f = supplements.file(code, id, file, Reviewer.of(staff.account(), request.getRemoteAddr()))
                .orElseThrow(ApplicationNotFoundException::new);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.meta().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.meta().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(f.content());
    }

    @ExceptionHandler(ApplicationNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    private String decide(String code, UUID id, RedirectAttributes redirect, String doneKey, Runnable command) {
        district(code);
        try {
            command.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (ReviewRefusedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return back(code, id);
    }

    private static String back(String code, UUID id) {
        return "redirect:/console/district/" + code + "/review/" + id;
    }

    private District district(String code) {
        return districts.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
