package org.xuewei.platform.application.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuewei.platform.application.ApplicationNotFoundException;
import org.xuewei.platform.application.ApplicationRefusedException;
import org.xuewei.platform.application.ApplicationView;
import org.xuewei.platform.application.Applications;
import org.xuewei.platform.application.SubmitRequest;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.identity.ParentLogin;

import java.util.Locale;
import java.util.UUID;

/** The parent's pages (mobile first): children → one-click check and apply → status with timeline. */
@Controller
@RequestMapping("/parent")
class ParentPages {

    private final Applications applications;

    ParentPages(Applications applications) {
        this.applications = applications;
    }

    @GetMapping
    String children(Authentication auth, HttpServletRequest request, Model model) {
        Parent parent = parent(auth);
        model.addAttribute("parent", parent);
        model.addAttribute("season", applications.season());
        model.addAttribute("children", applications.children(parent, request.getRemoteAddr()));
        return "application/children";
    }

    @PostMapping("/children")
    String addChild(@RequestParam(required = false) String idNumber, Authentication auth, HttpServletRequest request,
                    RedirectAttributes redirect) {
        try {
            applications.addChild(parent(auth), idNumber, request.getRemoteAddr());
        } catch (ApplicationRefusedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/parent";
    }

    @GetMapping("/children/{ref}")
    String check(@PathVariable UUID ref, Authentication auth, HttpServletRequest request, Locale locale, Model model) {
        Parent parent = parent(auth);
        model.addAttribute("check", applications.check(parent, ref, locale, request.getRemoteAddr()));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "application/check";
    }

    @PostMapping("/children/{ref}/applications")
    String apply(@PathVariable UUID ref, @RequestParam(required = false) String choice,
                 @RequestParam(required = false) String privateSchool,
                 @RequestParam(defaultValue = "false") boolean consent, @RequestParam(required = false) String note,
                 @RequestParam String idempotencyKey, Authentication auth, HttpServletRequest request, Locale locale,
                 Model model, RedirectAttributes redirect) {
        Parent parent = parent(auth);
        String homeId = null;
        String publicSchool = null;
        if (choice != null && choice.contains("|")) {
            homeId = choice.substring(0, choice.indexOf('|'));
            publicSchool = choice.substring(choice.indexOf('|') + 1);
        }
        try {
            ApplicationView view = applications.submit(parent, ref,
                    new SubmitRequest(homeId, publicSchool, privateSchool, consent, note, idempotencyKey), request.getRemoteAddr());
            redirect.addFlashAttribute("created", view.created());
            return "redirect:/parent/applications/" + view.id();
        } catch (ApplicationRefusedException e) {
            model.addAttribute("check", applications.check(parent, ref, locale, request.getRemoteAddr()));
            model.addAttribute("idempotencyKey", idempotencyKey);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("note", note);
            return "application/check";
        }
    }

    @PostMapping("/applications/{id}/amend")
    String amend(@PathVariable UUID id, @RequestParam(required = false) String choice,
                 @RequestParam(required = false) String privateSchool, @RequestParam(defaultValue = "false") boolean consent,
                 @RequestParam(required = false) String note, Authentication auth, HttpServletRequest request,
                 RedirectAttributes redirect) {
        Parent parent = parent(auth);
        String homeId = choice != null && choice.contains("|") ? choice.substring(0, choice.indexOf('|')) : null;
        String publicSchool = choice != null && choice.contains("|") ? choice.substring(choice.indexOf('|') + 1) : null;
        try {
            applications.amend(parent, id, new SubmitRequest(homeId, publicSchool, privateSchool, consent, note, null),
                    request.getRemoteAddr());
        } catch (ApplicationRefusedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/parent/applications/" + id;
    }

    @GetMapping("/applications/{id}")
    String application(@PathVariable UUID id, Authentication auth, HttpServletRequest request, Model model) {
        model.addAttribute("app", applications.application(parent(auth), id, request.getRemoteAddr()));
        return "application/status";
    }

    @ExceptionHandler(ApplicationNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    static Parent parent(Authentication auth) {
        return ParentLogin.parent(auth).orElseThrow(() ->
                new org.springframework.security.access.AccessDeniedException("parents only"));
    }
}
