package org.xuewei.platform.review.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuewei.platform.application.ApplicationNotFoundException;
import org.xuewei.platform.identity.Parent;
import org.xuewei.platform.identity.ParentLogin;
import org.xuewei.platform.review.ReviewRefusedException;
import org.xuewei.platform.review.Supplements;

import java.io.IOException;
import java.util.UUID;

/** The parent's supplement page (补充材料): what the reviewer asked for, and the upload. Another family's id: 404. */
@Controller
@RequestMapping("/parent/applications/{id}/supplement")
class SupplementPages {

    private final Supplements supplements;

    SupplementPages(Supplements supplements) {
        this.supplements = supplements;
    }

    @GetMapping
    String page(@PathVariable UUID id, Authentication auth, Model model) {
        model.addAttribute("request", supplements.request(parent(auth), id));
        model.addAttribute("maxMegabytes", Supplements.MAX_BYTES / (1024 * 1024));
        return "review/supplement";
    }

    @PostMapping
    String upload(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                  Authentication auth, HttpServletRequest request, Model model, RedirectAttributes redirect)
            throws IOException {
        Parent parent = parent(auth);
        try {
            var saved = supplements.upload(parent, id, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes(), request.getRemoteAddr());
            redirect.addFlashAttribute("uploaded", saved.fileName() + " · SHA-256 " + saved.sha256());
            return "redirect:/parent/applications/" + id + "/supplement";
        } catch (ReviewRefusedException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("request", supplements.request(parent, id));
            model.addAttribute("maxMegabytes", Supplements.MAX_BYTES / (1024 * 1024));
            return "review/supplement";
        }
    }

    @ExceptionHandler(ApplicationNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    static Parent parent(Authentication auth) {
        return ParentLogin.parent(auth).orElseThrow(() -> new AccessDeniedException("parents only"));
    }
}
