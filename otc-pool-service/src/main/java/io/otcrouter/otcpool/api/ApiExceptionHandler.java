package io.otcrouter.otcpool.api;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.otcrouter.otcpool.admin.InvalidPoolRequestException;
import io.otcrouter.otcpool.admin.PoolConflictException;
import io.otcrouter.otcpool.admin.PoolNotFoundException;

/**
 * Turns the API's own exceptions, and Spring MVC's, into {@code application/problem+json}. As the service's
 * {@link ResponseEntityExceptionHandler} it replaces Boot's default one, so that a body the strict JSON parser
 * refuses is answered naming the field, like any other invalid input, in {@code errors}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(PoolNotFoundException.class)
    ProblemDetail poolNotFound(PoolNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Pool not found");
        return problem;
    }

    @ExceptionHandler(InvalidPoolRequestException.class)
    ProblemDetail invalid(InvalidPoolRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid pool request");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(PoolConflictException.class)
    ProblemDetail conflict(PoolConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Pool state does not allow this change");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String error = JsonBodyProblem.describe(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error);
        problem.setTitle("Unreadable request body");
        problem.setProperty("errors", List.of(error));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A fill changed the pool between reading and writing it: nothing was changed, the admin may retry. */
    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(ObjectOptimisticLockingFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The pool changed while this request was applied; nothing was changed, retry");
        problem.setTitle("Concurrent pool change");
        return problem;
    }
}
