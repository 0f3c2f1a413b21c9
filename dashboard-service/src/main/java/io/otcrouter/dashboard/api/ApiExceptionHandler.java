package io.otcrouter.dashboard.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.otcrouter.dashboard.forwarding.InvalidForwardException;

/**
 * Turns the API's failures into {@code application/problem+json}: its own validation failures, a forwarded request
 * the dashboard refuses, and (as Spring MVC's own handler, which it extends, does for the rest) a body that strict
 * JSON parsing refused, naming the field.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

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

    @ExceptionHandler(InvalidForwardException.class)
    ProblemDetail invalidForward(InvalidForwardException exception) {
        return exception.toProblem();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                UnreadableBody.explain(exception));
        problem.setTitle("Unreadable request body");
        return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
