package org.xuewei.exchange.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

import static org.xuewei.exchange.registry.RegistryGateway.Key.ID_NUMBER;
import static org.xuewei.exchange.registry.RegistryGateway.Key.RECORD_NUMBER;

/** 数据共享交换 — look-ups in the departments' registries. Every call needs a bearer token (scope registry.read) and a purpose header. */
@RestController
@RequestMapping("/exchange/v1")
@Tag(name = "registries")
@SecurityRequirement(name = "oauth2")
class RegistryController {

    private final RegistryGateway gateway;
    private final RegistryQueries q;

    RegistryController(RegistryGateway gateway, RegistryQueries q) {
        this.gateway = gateway;
        this.q = q;
    }

    @Operation(summary = "公安人口库: identity of a person")
    @GetMapping("/persons/{idNumber}")
    ExchangeResponse person(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Registry.HUKOU, "person", ID_NUMBER, idNumber, () -> q.person(idNumber));
    }

    @Operation(summary = "户籍: the households a person is registered in, with all members")
    @GetMapping("/hukou/persons/{idNumber}")
    ExchangeResponse hukouOfPerson(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Registry.HUKOU, "households-of-person", ID_NUMBER, idNumber, () -> Optional.of(q.householdsOf(idNumber)));
    }

    @Operation(summary = "户籍: a household by household number (户号)")
    @GetMapping("/hukou/households/{householdNo}")
    ExchangeResponse household(HttpServletRequest r, @PathVariable String householdNo) {
        return gateway.call(r, Registry.HUKOU, "household", RECORD_NUMBER, householdNo, () -> q.household(householdNo));
    }

    @Operation(summary = "不动产: units a person owns (wholly or in part), with all owners")
    @GetMapping("/property/persons/{idNumber}")
    ExchangeResponse propertyOfPerson(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Registry.PROPERTY, "units-of-person", ID_NUMBER, idNumber, () -> Optional.of(q.unitsOf(idNumber)));
    }

    @Operation(summary = "不动产: a unit by its 28-character unit number (不动产单元号)")
    @GetMapping("/property/units/{unitNo}")
    ExchangeResponse unit(HttpServletRequest r, @PathVariable String unitNo) {
        return gateway.call(r, Registry.PROPERTY, "unit", RECORD_NUMBER, unitNo, () -> q.unit(unitNo));
    }

    @Operation(summary = "网签购房合同: contracts a person signed as buyer")
    @GetMapping("/contracts/persons/{idNumber}")
    ExchangeResponse contractsOfPerson(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Registry.CONTRACT, "contracts-of-person", ID_NUMBER, idNumber, () -> Optional.of(q.contractsOf(idNumber)));
    }

    @Operation(summary = "网签购房合同: a contract by number")
    @GetMapping("/contracts/{contractNo}")
    ExchangeResponse contract(HttpServletRequest r, @PathVariable String contractNo) {
        return gateway.call(r, Registry.CONTRACT, "contract", RECORD_NUMBER, contractNo, () -> q.contract(contractNo));
    }

    @Operation(summary = "租赁备案: registered rentals where the person is the tenant")
    @GetMapping("/rentals/persons/{idNumber}")
    ExchangeResponse rentals(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Registry.RENTAL, "rentals-of-person", ID_NUMBER, idNumber, () -> Optional.of(q.rentalsOf(idNumber)));
    }

    @Operation(summary = "居住证: residence permits of a person")
    @GetMapping("/residence-permits/persons/{idNumber}")
    ExchangeResponse permits(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Registry.RESIDENCE_PERMIT, "permits-of-person", ID_NUMBER, idNumber, () -> Optional.of(q.permitsOf(idNumber)));
    }

    @Operation(summary = "社保: social insurance paid in the city, by type")
    @GetMapping("/social-insurance/persons/{idNumber}")
    ExchangeResponse insurance(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Registry.SOCIAL_INSURANCE, "insurance-of-person", ID_NUMBER, idNumber, () -> Optional.of(q.insuranceOf(idNumber)));
    }

    @Operation(summary = "民政: marriage and divorce registrations, 低保 and orphan status")
    @GetMapping("/civil-affairs/persons/{idNumber}")
    ExchangeResponse civilAffairs(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Registry.CIVIL_AFFAIRS, "civil-affairs-of-person", ID_NUMBER, idNumber, () -> q.civilAffairsOf(idNumber));
    }

    @Operation(summary = "学籍: student status (school, grade, graduation, score)")
    @GetMapping("/student-status/persons/{idNumber}")
    ExchangeResponse student(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Registry.STUDENT_STATUS, "student-status-of-person", ID_NUMBER, idNumber, () -> Optional.of(q.studentOf(idNumber)));
    }

    @Operation(summary = "优待: preferential-policy records held by their departments")
    @GetMapping("/preferential/persons/{idNumber}")
    ExchangeResponse preferential(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Registry.PREFERENTIAL, "preferential-of-person", ID_NUMBER, idNumber, () -> Optional.of(q.preferentialOf(idNumber)));
    }
}
