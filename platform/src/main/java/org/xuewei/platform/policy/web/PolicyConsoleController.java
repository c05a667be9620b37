package org.xuewei.platform.policy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuewei.platform.catalog.District;
import org.xuewei.platform.catalog.Districts;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffPrincipal;
import org.xuewei.platform.identity.StaffRole;
import org.xuewei.platform.policy.Applicant;
import org.xuewei.platform.policy.Grade;
import org.xuewei.platform.policy.Policy;
import org.xuewei.platform.policy.PolicyChange;
import org.xuewei.platform.policy.PolicyEvaluator;
import org.xuewei.platform.policy.PolicyPreview;
import org.xuewei.platform.policy.PolicyProblem;
import org.xuewei.platform.policy.PolicyStore;
import org.xuewei.platform.policy.PreviewPopulation;
import org.xuewei.platform.policy.PropertyUsage;
import org.xuewei.platform.policy.seed.PolicySeason;

/**
 * The policy pages: {@code /console/district/{code}/policy} (that district's staff and the city administrator may
 * read; only the district's DISTRICT_ADMIN may edit) and {@code /console/city/policy} (the city default: staff read,
 * CITY_ADMIN edits). Saving validates and lists every problem where it is; publishing needs a second administrator.
 */
@Controller
class PolicyConsoleController {

    static final String DISTRICT = "/console/district/{code}/policy";
    static final String CITY = "/console/city/policy";

    private final PolicyStore store;
    private final PolicyConsole console;
    private final PublishRequests requests;
    private final PolicyDirectory directory;
    private final PolicySeason season;
    private final Districts districts;
    private final MessageSource messages;
    private final List<PreviewPopulation> populations;
    private final Clock clock;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    PolicyConsoleController(PolicyStore store, PolicyConsole console, PublishRequests requests,
                            PolicyDirectory directory, PolicySeason season, Districts districts,
                            MessageSource messages, List<PreviewPopulation> populations, Clock clock) {
        this.store = store;
        this.console = console;
        this.requests = requests;
        this.directory = directory;
        this.season = season;
        this.districts = districts;
        this.messages = messages;
        this.populations = populations;
        this.clock = clock;
    }

    @GetMapping({DISTRICT, CITY})
    String page(@PathVariable(required = false) String code, @AuthenticationPrincipal StaffPrincipal staff,
                Locale locale, Model model) {
        PolicyScope scope = scope(code);
        show(scope, staff.account(), editable(scope).orElse(null), ProblemIndex.NONE, locale, model);
        return "policy/console";
    }

    @PostMapping({DISTRICT + "/draft", CITY + "/draft"})
    String saveDraft(@PathVariable(required = false) String code, @AuthenticationPrincipal StaffPrincipal staff,
                     @RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                     HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        PolicyScope scope = scope(code);
        requireEditor(scope, staff.account());
        Policy base = editable(scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
        PolicyForm reader = new PolicyForm(form, messages, locale);
        Policy edited = reader.apply(base);
        List<PolicyProblem> problems = reader.problems().isEmpty()
                ? console.saveDraft(edited, staff.getUsername(), request.getRemoteAddr()) : reader.problems();
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refusal", "policy.console.refused.invalid");
            show(scope, staff.account(), edited, new ProblemIndex(problems), locale, model);
            return "policy/console";
        }
        redirect.addFlashAttribute("notice", "policy.console.notice.saved");
        return "redirect:" + scope.path();
    }

    /** htmx: the problems of one field (the triggering element's name) with the form as it is now. */
    @PostMapping({DISTRICT + "/validate", CITY + "/validate"})
    String validate(@PathVariable(required = false) String code,
                    @RequestHeader(name = "HX-Trigger-Name", required = false) String field,
                    @RequestParam MultiValueMap<String, String> form, Locale locale, Model model) {
        PolicyScope scope = scope(code);
        Policy base = editable(scope).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
        PolicyForm reader = new PolicyForm(form, messages, locale);
        Policy edited = reader.apply(base);
        List<PolicyProblem> problems = new java.util.ArrayList<>(reader.problems());
        problems.addAll(PolicyEvaluator.validate(edited));
        String path = field == null ? (form.containsKey("field") ? form.getFirst("field") : "") : field;
        model.addAttribute("path", path);
        model.addAttribute("fieldProblems", new ProblemIndex(problems).at(path));
        return "policy/fragments :: field-result";
    }

    /** htmx: the saved draft against the published version, over the applicants or the synthetic population. */
    @GetMapping({DISTRICT + "/preview", CITY + "/preview"})
    String preview(@PathVariable(required = false) String code, Model model) {
        PolicyScope scope = scope(code);
        Optional<Policy> draft = store.draft(scope.policyId());
        Optional<PolicyStore.Published> published = effectivePublished(scope);
        if (draft.isEmpty() || published.isEmpty()) {
            model.addAttribute("previewMessage", draft.isEmpty() ? "policy.console.preview.no-draft"
                    : "policy.console.preview.no-published");
            return "policy/fragments :: preview";
        }
        List<Applicant> applicants = List.of();
        for (PreviewPopulation population : populations) {
            applicants = population.applicants(scope.districtCode(), scope.season());
            if (!applicants.isEmpty()) {
                break;
            }
        }
        boolean synthetic = applicants.isEmpty();
        if (synthetic) {
            applicants = SyntheticPopulation.of(scope.districtCode(), scope.season());
        }
        PolicyPreview preview = PolicyPreview.of(store.evaluator(published.get().ref()),
                PolicyEvaluator.compile(draft.get()), applicants);
        model.addAttribute("preview", PreviewView.of(preview, published.get().policy(), draft.get(), synthetic));
        return "policy/fragments :: preview";
    }

    @PostMapping({DISTRICT + "/request", CITY + "/request"})
    String request(@PathVariable(required = false) String code, @AuthenticationPrincipal StaffPrincipal staff,
                   HttpServletRequest request, RedirectAttributes redirect) {
        PolicyScope scope = scope(code);
        requireEditor(scope, staff.account());
        return command(scope, redirect, "policy.console.notice.requested",
                () -> console.requestPublication(scope.policyId(), staff.getUsername(), request.getRemoteAddr()));
    }

    @PostMapping({DISTRICT + "/approve", CITY + "/approve"})
    String approve(@PathVariable(required = false) String code, @AuthenticationPrincipal StaffPrincipal staff,
                   HttpServletRequest request, RedirectAttributes redirect) {
        PolicyScope scope = scope(code);
        requireEditor(scope, staff.account());
        return command(scope, redirect, "policy.console.notice.published",
                () -> console.approve(scope.policyId(), staff.getUsername(), request.getRemoteAddr()));
    }

    @PostMapping({DISTRICT + "/withdraw", CITY + "/withdraw"})
    String withdraw(@PathVariable(required = false) String code, @AuthenticationPrincipal StaffPrincipal staff,
                    HttpServletRequest request, RedirectAttributes redirect) {
        PolicyScope scope = scope(code);
        requireEditor(scope, staff.account());
        return command(scope, redirect, "policy.console.notice.withdrawn",
                () -> console.withdraw(scope.policyId(), staff.getUsername(), request.getRemoteAddr()));
    }

    private String command(PolicyScope scope, RedirectAttributes redirect, String notice, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ConsoleRefusal refusal) {
            redirect.addFlashAttribute("refusal", refusal.key());
        }
        return "redirect:" + scope.path();
    }

    // --- the page

    private void show(PolicyScope scope, StaffAccount account, Policy form, ProblemIndex problems, Locale locale,
                      Model model) {
        Optional<PolicyStore.Published> own = store.latest(scope.policyId());
        Optional<PolicyStore.Published> city = scope.city() ? own : store.latest(scope.cityPolicyId());
        Optional<PolicyStore.Published> effective = own.isPresent() ? own : city;
        Optional<Policy> draft = store.draft(scope.policyId());
        boolean canEdit = canEdit(scope, account);
        Optional<PublishRequests.Request> pending = requests.find(scope.policyId());
        model.addAttribute("scope", scope);
        model.addAttribute("scopeName", scope.city() ? messages.getMessage("policy.console.city", null, locale)
                : scope.districtName());
        model.addAttribute("publishedAt", own.map(p -> TIME.format(p.publishedAt().atZone(clock.getZone())))
                .orElse(""));
        model.addAttribute("requestedAt", pending.map(p -> TIME.format(p.requestedAt().atZone(clock.getZone())))
                .orElse(""));
        model.addAttribute("grades", Grade.values());
        model.addAttribute("published", own.orElse(null));
        model.addAttribute("cityPublished", city.orElse(null));
        model.addAttribute("draft", draft.orElse(null));
        model.addAttribute("policy", form);
        model.addAttribute("formSource", !problems.isEmpty() ? "submitted" : draft.isPresent() ? "draft"
                : own.isPresent() ? "published" : form != null ? "city" : "none");
        model.addAttribute("problems", problems);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("pending", pending.orElse(null));
        model.addAttribute("canApprove", canEdit && pending.isPresent()
                && !pending.get().requestedBy().equals(account.username()));
        model.addAttribute("changesAgainstPublished", draft.isPresent() && effective.isPresent()
                ? PolicyChange.between(effective.get().policy(), draft.get()) : List.of());
        model.addAttribute("changesAgainstCity", !scope.city() && form != null && city.isPresent()
                ? PolicyChange.between(city.get().policy(), form).stream().filter(c -> !IDENTITY.contains(c.path()))
                .toList() : List.of());
        model.addAttribute("usages", PropertyUsage.values());
        model.addAttribute("tieBreaks", Policy.TieBreak.values());
        model.addAttribute("overflows", Policy.Overflow.values());
    }

    private static final List<String> IDENTITY = List.of("id", "name", "district", "basedOn");

    /** What the form starts from: the draft, else the published version, else (a district) the city default. */
    private Optional<Policy> editable(PolicyScope scope) {
        Optional<Policy> draft = store.draft(scope.policyId());
        if (draft.isPresent()) {
            return draft;
        }
        Optional<PolicyStore.Published> own = store.latest(scope.policyId());
        if (own.isPresent()) {
            return Optional.of(own.get().policy());
        }
        if (scope.city()) {
            return Optional.empty();
        }
        return store.latest(scope.cityPolicyId()).map(PolicyStore.Published::policy).map(c -> new Policy(
                scope.policyId(), messages.getMessage("policy.console.district-policy-name",
                new Object[] {scope.districtName(), Integer.toString(scope.season())}, Locale.SIMPLIFIED_CHINESE),
                scope.districtCode(), scope.season(), c.id(), c.example(), c.window(), c.eligibility(), c.evidence(),
                c.categories(), c.points(), c.tieBreak(), c.propertyLock(), c.overflow(), c.siblings(),
                c.privateSchools(), c.preferentialCategories(), c.calendar()));
    }

    private Optional<PolicyStore.Published> effectivePublished(PolicyScope scope) {
        Optional<PolicyStore.Published> own = store.latest(scope.policyId());
        return own.isPresent() || scope.city() ? own : store.latest(scope.cityPolicyId());
    }

    private PolicyScope scope(String code) {
        int year = season.current();
        String city = directory.cityPolicyId(year);
        if (code == null) {
            return new PolicyScope(null, null, year, city, city, CITY);
        }
        District district = districts.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new PolicyScope(district.code(), district.name(), year, directory.districtPolicyId(code, year), city,
                DISTRICT.replace("{code}", district.code()));
    }

    /** Only the district's own administrators edit its policy; only the city administrator edits the default. */
    static boolean canEdit(PolicyScope scope, StaffAccount account) {
        if (account == null || !account.enabled()) {
            return false;
        }
        return scope.city() ? account.role() == StaffRole.CITY_ADMIN
                : account.role() == StaffRole.DISTRICT_ADMIN && scope.districtCode().equals(account.districtCode());
    }

    private static void requireEditor(PolicyScope scope, StaffAccount account) {
        if (!canEdit(scope, account)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
