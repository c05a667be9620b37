package org.xuewei.platform.admission.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuewei.platform.admission.AdmissionRefused;
import org.xuewei.platform.admission.demo.DemoSeason;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;

/** 演示：推进招生季 — the city admin moves the demo season to allocation or publication (demo profile only). */
@Controller
@RequestMapping("/console/demo-season")
class DemoSeasonController {

    private final DemoSeason demo;

    DemoSeasonController(DemoSeason demo) {
        this.demo = demo;
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam(required = false) Integer season, Model model) {
        cityAdmin(staff);
        int year = season == null ? demo.season() : season;
        model.addAttribute("enabled", demo.enabled());
        model.addAttribute("season", year);
        model.addAttribute("lines", demo.lines(year));
        return "admission/demo-season";
    }

    @PostMapping
    String advance(@AuthenticationPrincipal StaffPrincipal staff, @RequestParam int season, @RequestParam String target,
                   RedirectAttributes redirect) {
        cityAdmin(staff);
        DemoSeason.Target to;
        try {
            to = DemoSeason.Target.valueOf(target);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("refusal", "admission.demo.refused.target");
            return "redirect:/console/demo-season?season=" + season;
        }
        try {
            redirect.addFlashAttribute("steps", demo.advance(staff.account(), season, to));
        } catch (AdmissionRefused e) {
            redirect.addFlashAttribute("refusal", e.key());
        }
        return "redirect:/console/demo-season?season=" + season;
    }

    private static void cityAdmin(StaffPrincipal staff) {
        if (staff == null || staff.account().role() != StaffRole.CITY_ADMIN) {
            throw new AccessDeniedException("city admin only");
        }
    }
}
