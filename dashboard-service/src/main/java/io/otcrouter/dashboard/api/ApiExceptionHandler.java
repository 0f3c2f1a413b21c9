package io.otcrouter.dashboard.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the API's validation failures into {@code application/problem+json}. */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler(InvalidLimitException.class)
    ProblemDetail invalidLimit(InvalidLimitException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
        problem.setTitle("Invalid limit");
        return problem;
    }

    @ExceptionHandler(TradeNotFoundException.class)
    ProblemDetail tradeNotFound(TradeNotFoundException exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
        problem.setTitle("Trade not found");
        return problem;
    }
}
