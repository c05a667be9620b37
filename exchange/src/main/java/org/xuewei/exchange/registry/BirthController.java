package org.xuewei.exchange.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.xuewei.exchange.registry.RegistryGateway.Key.ID_NUMBER;

/**
 * 出生医学证明 (卫生健康委): the children born to a parent, whatever their 户籍 — how the platform finds the children of
 * parents whose household is registered outside the city (随迁子女). Same rules as every registry: bearer token
 * (scope registry.read), purpose header, call log, faults per registry; 404 when the person is no child's parent.
 */
@RestController
@RequestMapping("/exchange/v1")
@Tag(name = "registries")
@SecurityRequirement(name = "oauth2")
class BirthController {

    private final RegistryGateway gateway;
    private final JdbcClient jdbc;

    BirthController(RegistryGateway gateway, JdbcClient jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
    }

    @Operation(summary = "出生医学证明: children born to a person (as mother or father)")
    @GetMapping("/births/parents/{idNumber}")
    ExchangeResponse childrenOf(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Registry.BIRTH, "births-of-parent", ID_NUMBER, idNumber, () -> Optional.of(births(idNumber)));
    }

    List<Map<String, Object>> births(String parent) {
        return jdbc.sql("""
                        select id_number as "idNumber", name, gender, to_char(birth_date, 'YYYY-MM-DD') as "birthDate",
                               mother_id as "motherIdNumber", mother_name as "motherName",
                               father_id as "fatherIdNumber", father_name as "fatherName",
                               certificate_no as "certificateNo", to_char(issued_on, 'YYYY-MM-DD') as "issuedOn"
                        from exchange.birth_certificate where mother_id = :key or father_id = :key
                        order by birth_date, id_number""")
                .param("key", parent).query().listOfRows();
    }
}
