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

    BirthController(RegistryGateway gateway) {
        this.gateway = gateway;
    }

    @Operation(summary = "出生医学证明: children born to a person (as mother or father)")
    @GetMapping("/births/parents/{idNumber}")
    CompletableFuture<ExchangeResponse> childrenOf(HttpServletRequest r, @PathVariable String idNumber) {
        return gateway.call(r, Lookup.BIRTHS_OF_PARENT, idNumber);
    }
}
