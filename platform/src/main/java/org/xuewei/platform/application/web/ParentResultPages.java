package org.xuewei.platform.application.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuewei.platform.admission.AdmissionRefused;
import org.xuewei.platform.application.ApplicationNotFoundException;

import java.util.Locale;
import java.util.UUID;

/**
 * The parent's result pages (录取结果): the placement and why, the admission notice PDF, the arrival confirmation
 * (双确认, the parent's side) before the deadline, and the appeal (复议) within the calendar's window. The status page
 * loads the result part with htmx; without JavaScript its link opens the whole page.
 */
@Controller
@RequestMapping("/parent/applications/{id}")
class ParentResultPages {

    private final ParentResults results;

    ParentResultPages(ParentResults results) {
        this.results = results;
    }

    @GetMapping("/result")
    String result(@PathVariable UUID id, @RequestParam(required = false) String part,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Authentication auth,
                  HttpServletRequest request, Locale locale, Model model) {
        model.addAttribute("page", results.page(ParentPages.parent(auth), id, locale, request.getRemoteAddr()));
        return htmx != null || part != null ? "application/result-part :: result" : "application/result";
    }

    @GetMapping("/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable UUID id, Authentication auth, HttpServletRequest request) {
        byte[] pdf = results.notice(ParentPages.parent(auth), id, request)
                .orElseThrow(ApplicationNotFoundException::new);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"admission-notice.pdf\"")
                .header("Cache-Control", "no-store").body(pdf);
    }

    @PostMapping("/confirm")
    String confirm(@PathVariable UUID id, Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            results.confirm(ParentPages.parent(auth), id, request.getRemoteAddr());
            redirect.addFlashAttribute("done", "application.result.confirmed");
        } catch (AdmissionRefused e) {
            refusal(redirect, e);
        }
        return "redirect:/parent/applications/" + id + "/result";
    }

    @PostMapping("/appeal")
    String appeal(@PathVariable UUID id, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String evidence, Authentication auth, HttpServletRequest request,
                  RedirectAttributes redirect) {
        try {
            results.appeal(ParentPages.parent(auth), id, reason, evidence, request.getRemoteAddr());
            redirect.addFlashAttribute("done", "application.result.appealed");
        } catch (AdmissionRefused e) {
            refusal(redirect, e);
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/parent/applications/" + id + "/result";
    }

    private static void refusal(RedirectAttributes redirect, AdmissionRefused e) {
        redirect.addFlashAttribute("refusal", e.key());
        redirect.addFlashAttribute("refusalArgs", e.args());
    }

    @ExceptionHandler(ApplicationNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
