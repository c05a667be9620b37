package org.xuewei.exchange.idp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.xuewei.exchange.config.ExchangeProperties;

/** Real-name login pages: enter a mobile number, receive a one-time code (shown on the page in demo), log in. */
@Controller
@ConditionalOnWebApplication
class LoginController {

    private static final String PHONE = "1\\d{10}";

    private final OneTimeCodes codes;
    private final CityUsers users;
    private final boolean showCode;

    LoginController(OneTimeCodes codes, CityUsers users, ExchangeProperties properties) {
        this.codes = codes;
        this.users = users;
        this.showCode = properties.idp().showCode();
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("demo", showCode);
        return "index";
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String phone, @RequestParam(required = false) String sent, Model model) {
        boolean validPhone = phone != null && phone.matches(PHONE);
        model.addAttribute("phone", validPhone ? phone : "");
        model.addAttribute("sent", sent != null && validPhone);
        model.addAttribute("demo", showCode);
        model.addAttribute("code", showCode && validPhone ? codes.pending(phone).orElse("") : "");
        return "login";
    }

    /** Sends a code; the answer is the same whether the number has an account or not. */
    @PostMapping("/login/code")
    String sendCode(@RequestParam String phone) {
        if (!phone.matches(PHONE)) {
            return "redirect:/login?badphone";
        }
        users.byPhone(phone).ifPresent(u -> codes.issue(phone));
        return "redirect:" + UriComponentsBuilder.fromPath("/login").queryParam("phone", phone).queryParam("sent", "").build().toUriString();
    }
}
