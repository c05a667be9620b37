package org.xuewei.exchange.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * 批量查询 — several look-ups in one round trip, answered as if the registries were asked in parallel. Same token
 * (scope registry.read) and purpose header as every look-up; each item has its own outcome and its own call-log row.
 */
@RestController
@RequestMapping("/exchange/v1")
@Tag(name = "registries")
@SecurityRequirement(name = "oauth2")
class BatchController {

    /**
     * The request: the look-ups, e.g. {@code {"registry":"HUKOU","operation":"households-of-person","key":"3601…"}}, and
     * optionally how long to wait for a registry ({@code timeoutMs}, 1–60000).
     */
    record BatchRequest(Integer timeoutMs, List<RegistryGateway.BatchItem> items) {
    }

    private final RegistryGateway gateway;
    private final AsyncAnswers answers;

    BatchController(RegistryGateway gateway, AsyncAnswers answers) {
        this.gateway = gateway;
        this.answers = answers;
    }

    @Operation(summary = "批量查询: up to 50 look-ups {registry, operation, key}, each answered with its own outcome")
    @PostMapping("/batch")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RegistryGateway.BatchAnswer.class)))
    void batch(HttpServletRequest r, HttpServletResponse response, @RequestBody BatchRequest body) {
        // written straight from the answering thread (AsyncAnswers): no second pass through the filters and Spring MVC
        answers.answer(r, response, gateway.batch(r, body == null ? null : body.items(), body == null ? null : body.timeoutMs()));
    }
}
