package org.xuewei.platform.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xuewei.platform.identity.security.LoginPage;

/** The staff login page; the form posts to Spring Security's {@code POST /login}. */
@Controller
class LoginController {

    private final LoginPage loginPage;

    LoginController(LoginPage loginPage) {
        this.loginPage = loginPage;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("blockedMinutes", loginPage.blockedMinutes());
        return "identity/login";
    }
}
