package org.xuewei.exchange.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/** 数据共享交换 — look-ups in the departments' registries. Every call needs a bearer token (scope registry.read) and a purpose header. */
@RestController
@RequestMapping("/exchange/v1")
@Tag(name = "registries")
@SecurityRequirement(name = "oauth2")
class RegistryController {

    private final RegistryGateway gateway;

    RegistryController(RegistryGateway gateway) {
        this.gateway = gateway;
    }

    @Operation(summary = "公安人口库: identity of a person")
    @GetMapping("/persons/{idNumber}")
    CompletableFuture<ExchangeResponse> person(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Lookup.PERSON, idNumber);
    }

    @Operation(summary = "户籍: the households a person is registered in, with all members")
    @GetMapping("/hukou/persons/{idNumber}")
    CompletableFuture<ExchangeResponse> hukouOfPerson(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Lookup.HOUSEHOLDS_OF_PERSON, idNumber);
    }

    @Operation(summary = "户籍: a household by household number (户号)")
    @GetMapping("/hukou/households/{householdNo}")
    CompletableFuture<ExchangeResponse> household(HttpServletRequest r, @PathVariable String householdNo) {
        return gateway.call(r, Lookup.HOUSEHOLD, householdNo);
    }

    @Operation(summary = "不动产: units a person owns (wholly or in part), with all owners")
    @GetMapping("/property/persons/{idNumber}")
    CompletableFuture<ExchangeResponse> propertyOfPerson(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Lookup.UNITS_OF_PERSON, idNumber);
    }

    @Operation(summary = "不动产: a unit by its 28-character unit number (不动产单元号)")
    @GetMapping("/property/units/{unitNo}")
    CompletableFuture<ExchangeResponse> unit(HttpServletRequest r, @PathVariable String unitNo) {
        return gateway.call(r, Lookup.UNIT, unitNo);
    }

    @Operation(summary = "网签购房合同: contracts a person signed as buyer")
    @GetMapping("/contracts/persons/{idNumber}")
    CompletableFuture<ExchangeResponse> contractsOfPerson(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Lookup.CONTRACTS_OF_PERSON, idNumber);
    }

    @Operation(summary = "网签购房合同: a contract by number")
    @GetMapping("/contracts/{contractNo}")
    CompletableFuture<ExchangeResponse> contract(HttpServletRequest r, @PathVariable String contractNo) {
        return gateway.call(r, Lookup.CONTRACT, contractNo);
    }

    @Operation(summary = "租赁备案: registered rentals where the person is the tenant")
    @GetMapping("/rentals/persons/{idNumber}")
    CompletableFuture<ExchangeResponse> rentals(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Lookup.RENTALS_OF_PERSON, idNumber);
    }

    @Operation(summary = "居住证: residence permits of a person")
    @GetMapping("/residence-permits/persons/{idNumber}")
    CompletableFuture<ExchangeResponse> permits(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Lookup.PERMITS_OF_PERSON, idNumber);
    }

    @Operation(summary = "社保: social insurance paid in the city, by type")
    @GetMapping("/social-insurance/persons/{idNumber}")
    CompletableFuture<ExchangeResponse> insurance(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Lookup.INSURANCE_OF_PERSON, idNumber);
    }

    @Operation(summary = "民政: marriage and divorce registrations, 低保 and orphan status")
    @GetMapping("/civil-affairs/persons/{idNumber}")
    CompletableFuture<ExchangeResponse> civilAffairs(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Lookup.CIVIL_AFFAIRS_OF_PERSON, idNumber);
    }

    @Operation(summary = "学籍: student status (school, grade, graduation, score)")
    @GetMapping("/student-status/persons/{idNumber}")
    CompletableFuture<ExchangeResponse> student(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Lookup.STUDENT_STATUS_OF_PERSON, idNumber);
    }

    @Operation(summary = "优待: preferential-policy records held by their departments")
    @GetMapping("/preferential/persons/{idNumber}")
    CompletableFuture<ExchangeResponse> preferential(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Lookup.PREFERENTIAL_OF_PERSON, idNumber);
    }
}
