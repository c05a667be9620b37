package org.xuewei.exchange.idp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;
import org.xuewei.exchange.city.IdNumbers;
import org.xuewei.exchange.config.ExchangeProperties;

import java.util.List;

/** Demo picker (demo mode only): a sample guardian for every category and planted case, one click to get a code. */
@Controller
@ConditionalOnWebApplication
class DemoController {

    /** One sample guardian; label is a message key. */
    record Sample(String label, String familyNo, int category, String name, String phone, String maskedId) {
    }

    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoController(JdbcClient jdbc, ExchangeProperties properties) {
        this.jdbc = jdbc;
        this.enabled = properties.idp().showCode();
    }

    @GetMapping("/demo")
    String demo(Model model) {
        if (!enabled) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("categories", categories());
        model.addAttribute("cases", cases());
        return "demo";
    }

    List<Sample> categories() {
        return jdbc.sql("""
                        select distinct on (f.category) f.category, f.family_no, p.name, p.phone, p.id_number
                        from exchange.family f join exchange.person p on p.id_number = f.guardian_id
                        where f.cases = '' and p.phone is not null
                        order by f.category, f.family_no""")
                .query((rs, i) -> new Sample("category." + rs.getInt(1), rs.getString(2), rs.getInt(1), rs.getString(3),
                        rs.getString(4), IdNumbers.mask(rs.getString(5))))
                .list();
    }

    List<Sample> cases() {
        return jdbc.sql("""
                        select distinct on (m.case_code) m.case_code, f.family_no, f.category, p.name, p.phone, p.id_number
                        from exchange.manifest m join exchange.family f on f.family_no = m.family_no
                        join exchange.person p on p.id_number = f.guardian_id
                        where p.phone is not null
                        order by m.case_code, f.family_no""")
                .query((rs, i) -> new Sample("case." + rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), IdNumbers.mask(rs.getString(6))))
                .list();
    }
}
