package io.otcrouter.ledger.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the API's own exceptions to application/problem+json. */
@RestControllerAdvice
class LedgerExceptionHandler {

    @ExceptionHandler(TradeNotFoundException.class)
    ProblemDetail notFound(TradeNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Trade not found", e.getMessage());
    }

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail badQuery(InvalidQueryException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid query parameter", e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
