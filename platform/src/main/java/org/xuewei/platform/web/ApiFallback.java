package org.xuewei.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any {@code /api/…} path that no endpoint serves: a 404 problem that points to the API description. */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ApiFallback {

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no API endpoint " + request.getMethod() + " " + request.getRequestURI()
                        + ". The endpoints are described at /v3/api-docs.");
        problem.setTitle("Unknown API endpoint");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
