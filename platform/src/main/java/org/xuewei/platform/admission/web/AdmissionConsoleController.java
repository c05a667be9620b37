package org.xuewei.platform.admission.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuewei.platform.admission.AdmissionRefused;
import org.xuewei.platform.admission.AdmissionResults;
import org.xuewei.platform.admission.AdmissionRuns;
import org.xuewei.platform.admission.Arrivals;
import org.xuewei.platform.admission.LotteryDraws;
import org.xuewei.platform.admission.Publication;
import org.xuewei.platform.admission.store.RunRecord;
import org.xuewei.platform.catalog.District;
import org.xuewei.platform.catalog.Districts;
import org.xuewei.platform.identity.StaffPrincipal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** 招生派位 console of a district: dry runs → ceremony → publication → arrival and second batch. */
@Controller
@RequestMapping("/console/district/{code}/admission")
class AdmissionConsoleController {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Districts districts;
    private final AdmissionRuns runs;
    private final LotteryDraws draws;
    private final Publication publication;
    private final Arrivals arrivals;
    private final AdmissionResults results;
    private final org.xuewei.platform.admission.Appeals appeals;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    AdmissionConsoleController(Districts districts, AdmissionRuns runs, LotteryDraws draws, Publication publication,
                               Arrivals arrivals, AdmissionResults results,
                               org.xuewei.platform.admission.Appeals appeals, Clock clock,
                               org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.appeals = appeals;
        this.districts = districts;
        this.runs = runs;
        this.draws = draws;
        this.publication = publication;
        this.arrivals = arrivals;
        this.results = results;
        this.clock = clock;
    }

    @GetMapping({"", "/"})
    String console(@PathVariable String code, @RequestParam(required = false) Integer season,
                   @RequestParam(defaultValue = "1") int grade, Model model) {
        int year = season == null ? LocalDateTime.now(clock.withZone(CHINA)).getYear() : season;
        District district = district(code);
        model.addAttribute("district", district);
        model.addAttribute("season", year);
        model.addAttribute("grade", grade == 7 ? 7 : 1);
        model.addAttribute("sources", runs.sourcesAvailable());
        model.addAttribute("counts", runs.applicationCounts(code, year, grade));
        List<RunRecord> list = runs.runs(code, year, grade);
        model.addAttribute("runs", list);
        model.addAttribute("latestDry", list.stream().filter(RunRecord::dry).findFirst()
                .map(r -> new Object[] {r, runs.differenceFromPrevious(r).orElse(null)}).orElse(null));
        model.addAttribute("draws", draws.draws(code, year, grade));
        model.addAttribute("defaultDeadline", LocalDateTime.now(clock.withZone(CHINA)).plusDays(7).withHour(17)
                .withMinute(0).withSecond(0).withNano(0));
        return "admission/console";
    }

    @GetMapping("/runs/{id}")
    String run(@PathVariable String code, @PathVariable long id, Model model) {
        RunRecord run = runs.run(id).filter(r -> r.districtCode().equals(code))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("district", district(code));
        model.addAttribute("run", run);
        model.addAttribute("difference", run.dry() ? runs.differenceFromPrevious(run).orElse(null) : null);
        model.addAttribute("placements", runs.placements(id));
        model.addAttribute("offers", run.published() ? arrivalsOf(id) : java.util.Map.of());
        model.addAttribute("appeals", run.published() ? appeals.of(id) : List.of());
        return "admission/run";
    }

    @GetMapping(value = "/runs/{id}/notices/{no}.pdf")
    ResponseEntity<byte[]> notice(@PathVariable String code, @PathVariable long id, @PathVariable String no,
                                  HttpServletRequest request) {
        runs.run(id).filter(r -> r.districtCode().equals(code) && r.published())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] pdf = results.noticePdf(no, base(request))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"notice-" + no + ".pdf\"").body(pdf);
    }

    @GetMapping("/runs/{id}/placements.xlsx")
    ResponseEntity<byte[]> export(@PathVariable String code, @PathVariable long id, java.util.Locale locale) {
        RunRecord run = runs.run(id).filter(r -> r.districtCode().equals(code))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] xlsx = org.xuewei.platform.admission.export.PlacementWorkbook.write(run.summary().schools(),
                runs.placements(id), run.published() ? arrivalsOf(id) : java.util.Map.of(),
                key -> messages.getMessage(key, null, key, locale));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", "attachment; filename=\"admission-run-" + id + ".xlsx\"").body(xlsx);
    }

    @PostMapping("/dry-run")
    String dryRun(@PathVariable String code, @RequestParam int season, @RequestParam int grade,
                  @RequestParam(defaultValue = "") String excludeReason,
                  @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
        return act(code, season, grade, redirect, () -> {
            long id = runs.dryRun(staff.account(), code, season, grade, excludeReason);
            return flash(redirect, "admission.flash.dry-run", id);
        });
    }

    @PostMapping("/draws")
    String freeze(@PathVariable String code, @RequestParam int season, @RequestParam int grade,
                  @RequestParam(defaultValue = "") String excludeReason,
                  @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
        return act(code, season, grade, redirect, () -> {
            draws.freeze(staff.account(), code, season, grade, excludeReason);
            return flash(redirect, "admission.flash.frozen");
        });
    }

    @PostMapping("/draws/{id}/commit")
    String commit(@PathVariable String code, @PathVariable long id, @RequestParam int season, @RequestParam int grade,
                  @RequestParam(defaultValue = "") String publicValueName,
                  @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
        ownDraw(code, id);
        return act(code, season, grade, redirect, () -> {
            draws.commit(staff.account(), id, publicValueName);
            return flash(redirect, "admission.flash.committed");
        });
    }

    @PostMapping("/draws/{id}/draw")
    String draw(@PathVariable String code, @PathVariable long id, @RequestParam int season, @RequestParam int grade,
                @RequestParam(defaultValue = "") String publicValue, @RequestParam(defaultValue = "") String witnesses,
                @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
        ownDraw(code, id);
        return act(code, season, grade, redirect, () -> {
            long run = draws.draw(staff.account(), id, publicValue, Arrays.asList(witnesses.split("\\R")));
            return flash(redirect, "admission.flash.drawn", run);
        });
    }

    @PostMapping("/runs/{id}/publish")
    String publish(@PathVariable String code, @PathVariable long id, @RequestParam int season, @RequestParam int grade,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline,
                   @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
        ownRun(code, id);
        return act(code, season, grade, redirect, () -> {
            publication.publish(staff.account(), id, deadline == null ? null : deadline.atZone(CHINA).toInstant());
            return flash(redirect, "admission.flash.published");
        });
    }

    @PostMapping("/runs/{id}/second-batch")
    String secondBatch(@PathVariable String code, @PathVariable long id, @RequestParam int season,
                       @RequestParam int grade, @AuthenticationPrincipal StaffPrincipal staff,
                       RedirectAttributes redirect) {
        ownRun(code, id);
        return act(code, season, grade, redirect, () -> {
            Arrivals.Release r = arrivals.releaseAndSecondBatch(staff.account(), id);
            return r.drawId() == null ? flash(redirect, "admission.flash.second-batch-none", r.releasedSeats())
                    : flash(redirect, "admission.flash.second-batch", r.releasedSeats());
        });
    }

    @PostMapping("/runs/{id}/offers/{no}/confirm")
    String confirm(@PathVariable String code, @PathVariable long id, @PathVariable String no,
                   @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
        ownRun(code, id);
        try {
            arrivals.confirmBySchool(staff.account(), id, no);
            flash(redirect, "admission.flash.confirmed");
        } catch (AdmissionRefused e) {
            refusal(redirect, e);
        }
        return "redirect:/console/district/" + code + "/admission/runs/" + id;
    }

    @PostMapping("/runs/{id}/appeals/{appeal}")
    String decideAppeal(@PathVariable String code, @PathVariable long id, @PathVariable long appeal,
                        @RequestParam String decision, @RequestParam(defaultValue = "") String school,
                        @RequestParam(defaultValue = "") String note,
                        @AuthenticationPrincipal StaffPrincipal staff, RedirectAttributes redirect) {
        ownRun(code, id);
        try {
            if ("uphold".equals(decision)) {
                appeals.uphold(staff.account(), appeal, school, note);
            } else {
                appeals.dismiss(staff.account(), appeal, note);
            }
            flash(redirect, "admission.flash.appeal-decided");
        } catch (AdmissionRefused e) {
            refusal(redirect, e);
        }
        return "redirect:/console/district/" + code + "/admission/runs/" + id;
    }

    private java.util.Map<String, String> arrivalsOf(long run) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        runs.placements(run).forEach(p -> results.resultOf(p.applicationNo())
                .ifPresent(r -> {
                    if (r.offerState() != null) {
                        out.put(p.applicationNo(), r.offerState());
                    }
                }));
        return out;
    }

    private String act(String code, int season, int grade, RedirectAttributes redirect, Supplier<Object> action) {
        try {
            action.get();
        } catch (AdmissionRefused e) {
            refusal(redirect, e);
        }
        return "redirect:/console/district/" + code + "/admission?season=" + season + "&grade=" + grade;
    }

    private static Object flash(RedirectAttributes redirect, String key, Object... args) {
        redirect.addFlashAttribute("flash", key);
        redirect.addFlashAttribute("flashArgs", args);
        return key;
    }

    private static void refusal(RedirectAttributes redirect, AdmissionRefused e) {
        redirect.addFlashAttribute("refusal", e.key());
        redirect.addFlashAttribute("refusalArgs", e.args());
    }

    private void ownDraw(String code, long id) {
        draws.find(id).filter(d -> d.districtCode().equals(code))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private void ownRun(String code, long id) {
        runs.run(id).filter(r -> r.districtCode().equals(code))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private District district(String code) {
        return districts.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static String base(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .build().toUriString();
    }
}
