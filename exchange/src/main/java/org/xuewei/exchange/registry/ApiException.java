package org.xuewei.exchange.registry;

import org.springframework.http.HttpStatus;

/** A refusal with a status, a stable code and a message that says what to fix; never names other people. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
