package org.xuewei.platform.catalog.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;

/** A district code that is well-formed but not one of the city's districts. */
class UnknownDistrictException extends ErrorResponseException {

    UnknownDistrictException(String code) {
        super(HttpStatus.NOT_FOUND, problem(code), null);
    }

    private static ProblemDetail problem(String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No district has the code " + code + ". GET /api/v1/districts lists the valid codes.");
        problem.setTitle("Unknown district");
        return problem;
    }
}
