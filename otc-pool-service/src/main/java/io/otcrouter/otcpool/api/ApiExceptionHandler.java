package io.otcrouter.otcpool.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.otcrouter.otcpool.admin.InvalidPoolRequestException;
import io.otcrouter.otcpool.admin.PoolConflictException;
import io.otcrouter.otcpool.admin.PoolNotFoundException;

/** Turns the API's own exceptions into {@code application/problem+json}. */
@RestControllerAdvice
class ApiExceptionHandler {

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

    /** A fill changed the pool between reading and writing it: nothing was changed, the admin may retry. */
    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(ObjectOptimisticLockingFailureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The pool changed while this request was applied; nothing was changed, retry");
        problem.setTitle("Concurrent pool change");
        return problem;
    }
}
