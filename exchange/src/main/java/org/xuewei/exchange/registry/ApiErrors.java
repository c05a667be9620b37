package org.xuewei.exchange.registry;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** Problem Details (RFC 9457) for the exchange APIs; messages say what to fix and never name anybody. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    static ProblemDetail problem(HttpStatus status, String code, String message, Object requestId) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, message);
        p.setType(URI.create("https://xuewei.org/problems/" + code));
        p.setTitle(status.getReasonPhrase());
        p.setProperty("code", code);
        if (requestId != null) {
            p.setProperty("requestId", requestId.toString());
        }
        return p;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder b = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.TOO_MANY_REQUESTS || e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            b.header("Retry-After", "1");
        }
        return b.body(problem(e.status(), e.code(), e.getMessage(), request.getAttribute(RegistryGateway.REQUEST_ID_ATTRIBUTE)));
    }

    @ExceptionHandler({IllegalArgumentException.class, HttpMessageNotReadableException.class, MethodArgumentNotValidException.class})
    ResponseEntity<ProblemDetail> badInput(Exception e) {
        String message = e instanceof MethodArgumentNotValidException v
                ? v.getBindingResult().getFieldErrors().stream().map(f -> f.getField() + ": " + f.getDefaultMessage()).sorted().toList().toString()
                : e instanceof HttpMessageNotReadableException ? "The request body is not valid JSON for this operation." : e.getMessage();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "bad-request", message, null));
    }
}
