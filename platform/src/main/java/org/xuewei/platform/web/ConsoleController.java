package org.xuewei.platform.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import org.xuewei.platform.catalog.District;
import org.xuewei.platform.catalog.Districts;
import org.xuewei.platform.identity.StaffAccount;
import org.xuewei.platform.identity.StaffAccounts;
import org.xuewei.platform.identity.StaffPrincipal;

import java.util.ArrayList;
import java.util.List;

/**
 * The staff console: a home page per role listing what that role can do (links to what exists,
 * "not yet available" for the rest), and one page per district.
 */
@Controller
class ConsoleController {

    private final Districts districts;
    private final StaffAccounts accounts;

    ConsoleController(Districts districts, StaffAccounts accounts) {
        this.districts = districts;
        this.accounts = accounts;
    }

    @GetMapping("/console")
    String home(@AuthenticationPrincipal StaffPrincipal principal, Model model) {
        StaffAccount account = principal.account();
        model.addAttribute("account", account);
        model.addAttribute("district", account.districtCode() == null ? null
                : districts.find(account.districtCode()).orElse(null));
        model.addAttribute("items", items(account));
        return "web/console";
    }

    @GetMapping({"/console/district/{code}", "/console/district/{code}/"})
    String district(@PathVariable String code, Model model) {
        District district = districts.find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("district", district);
        model.addAttribute("districtStaff", accounts.all().stream()
                .filter(a -> code.equals(a.districtCode())).toList());
        model.addAttribute("items", List.of(
                ConsoleItem.link("console.item.policy", "/console/district/" + code + "/policy"),
                ConsoleItem.link("console.item.plans", "/console/district/" + code + "/catalog"),
                ConsoleItem.link("console.item.review", "/console/district/" + code + "/review"),
                ConsoleItem.notYet("console.item.lottery")));
        return "web/district";
    }

    private List<ConsoleItem> items(StaffAccount account) {
        List<ConsoleItem> items = new ArrayList<>();
        switch (account.role()) {
            case CITY_ADMIN -> {
                for (District district : districts.all()) {
                    items.add(new ConsoleItem("console.item.district", "/console/district/" + district.code(),
                            district.name()));
                }
                items.add(ConsoleItem.link("console.item.audit", "/console/audit"));
                items.add(ConsoleItem.link("console.item.api", "/v3/api-docs"));
                items.add(ConsoleItem.link("console.item.demo-season", "/console/demo-season"));
                items.add(ConsoleItem.notYet("console.item.cockpit"));
                items.add(ConsoleItem.notYet("console.item.map"));
            }
            case DISTRICT_ADMIN -> {
                items.add(ConsoleItem.link("console.item.own-district", "/console/district/" + account.districtCode()));
                // the policy page is linked by the template (policy-link)
                items.add(ConsoleItem.link("console.item.plans", "/console/district/" + account.districtCode() + "/catalog"));
                items.add(ConsoleItem.notYet("console.item.lottery"));
            }
            case DISTRICT_REVIEWER -> {
                items.add(ConsoleItem.link("console.item.own-district", "/console/district/" + account.districtCode()));
                items.add(ConsoleItem.link("console.item.review", "/console/district/" + account.districtCode() + "/review"));
                items.add(ConsoleItem.notYet("console.item.appeals"));
            }
            case SCHOOL -> {
                items.add(ConsoleItem.notYet("console.item.arrivals"));
                items.add(ConsoleItem.notYet("console.item.classes"));
            }
            case AUDITOR -> {
                items.add(ConsoleItem.link("console.item.audit", "/console/audit"));
                items.add(ConsoleItem.notYet("console.item.lottery-check"));
            }
        }
        return items;
    }

}
