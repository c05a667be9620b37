package org.xuewei.exchange.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuewei.exchange.config.ExchangeProperties;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo only (the same switch as the {@code /demo} picker, {@code idp.show-code}): the guardians of every family with
 * a child in the G1 or G7 cohort, paged by family number, so the platform's demo can apply for them through its own
 * application service. Scope {@code exchange.admin} or {@code registry.read}; 404 outside the demo.
 */
@RestController
@RequestMapping("/exchange/admin/demo")
@Tag(name = "admin")
@SecurityRequirement(name = "oauth2")
class DemoGuardiansController {

    static final int MAX_LIMIT = 1000;

    /**
     * One family: its guardian's ID number, mobile number (the city app's login, so a load driver can sign parents in
     * through the identity provider; null when the guardian has none), category, planted cases and cohort children.
     */
    record Guardian(String familyNo, String idNumber, String phone, int category, List<String> cases, int children) {
    }

    private final JdbcClient jdbc;
    private final boolean enabled;

    DemoGuardiansController(JdbcClient jdbc, ExchangeProperties properties) {
        this.jdbc = jdbc;
        this.enabled = properties.idp().showCode();
    }

    @Operation(summary = "Demo only: guardians of families with a G1 or G7 child, paged by family number")
    @GetMapping("/guardians")
    Map<String, Object> guardians(@RequestParam(defaultValue = "0") int offset,
                                  @RequestParam(defaultValue = "500") int limit) {
        if (!enabled) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "Only in the demo.");
        }
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad-request",
                    "offset must be ≥ 0 and limit between 1 and " + MAX_LIMIT);
        }
        long total = jdbc.sql("""
                        select count(distinct family_no) from exchange.family_child where cohort in ('G1', 'G7')""")
                .query(Long.class).single();
        // one aggregate over the cohort children per page, not a look-up per family
        List<Guardian> page = jdbc.sql("""
                        select f.family_no, f.guardian_id, f.guardian_phone, f.category, f.cases, c.n
                        from exchange.family f
                        join (select family_no, count(*) as n from exchange.family_child where cohort in ('G1', 'G7')
                              group by family_no) c on c.family_no = f.family_no
                        order by f.family_no offset :offset limit :limit""")
                .param("offset", offset).param("limit", limit)
                .query((rs, i) -> new Guardian(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5).isBlank() ? List.of() : Arrays.asList(rs.getString(5).split(",")), rs.getInt(6)))
                .list();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", total);
        body.put("offset", offset);
        body.put("guardians", page);
        return body;
    }
}
