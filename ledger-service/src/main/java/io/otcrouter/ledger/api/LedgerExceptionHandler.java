package io.otcrouter.ledger.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps the API's own exceptions to application/problem+json. */
@RestControllerAdvice
class LedgerExceptionHandler {

    @ExceptionHandler(TradeNotFoundException.class)
    ProblemDetail notFound(TradeNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Trade not found", e.getMessage());
    }

    @ExceptionHandler(InvalidPageRequestException.class)
    ProblemDetail badPage(InvalidPageRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid page request", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                "Parameter " + e.getName() + " cannot be '" + e.getValue() + "'");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
