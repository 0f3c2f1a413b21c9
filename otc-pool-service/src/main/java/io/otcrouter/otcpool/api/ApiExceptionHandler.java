package io.otcrouter.otcpool.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the API's own exceptions into {@code application/problem+json}. */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler(PoolNotFoundException.class)
    ProblemDetail poolNotFound(PoolNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Pool not found");
        return problem;
    }
}
