package org.xuewei.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xuewei.platform.catalog.Districts;
import org.xuewei.platform.identity.ParentLogin;

/** The parents' landing page: what the season is, and where sign-in with the city app will be. */
@Controller
class LandingController {

    private final ParentLogin parentLogin;
    private final Districts districts;

    LandingController(ParentLogin parentLogin, Districts districts) {
        this.parentLogin = parentLogin;
        this.districts = districts;
    }

    @GetMapping("/")
    String landing(Model model) {
        model.addAttribute("parentLoginPath", parentLogin.loginPath().orElse(null));
        model.addAttribute("districts", districts.all());
        return "web/landing";
    }
}
