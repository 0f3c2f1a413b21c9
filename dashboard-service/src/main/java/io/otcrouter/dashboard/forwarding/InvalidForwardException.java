package io.otcrouter.dashboard.forwarding;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A request the dashboard refuses to forward: its fields break the bounds in {@link FieldProblem}s. */
public class InvalidForwardException extends RuntimeException {

    private final String title;
    private final List<FieldProblem> problems;

    public InvalidForwardException(String title, List<FieldProblem> problems) {
        super(title + ": " + problems.size() + " invalid field(s)");
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    /** 400, {@code errors} listing every field found wrong; nothing was forwarded. */
    public ProblemDetail toProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + problems.size() + " invalid field(s); nothing was forwarded");
        problem.setTitle(title);
        problem.setProperty("errors", problems);
        return problem;
    }
}
