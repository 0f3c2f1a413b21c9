package io.otcrouter.kafka.deadletter;

import java.util.List;

import org.apache.kafka.common.errors.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The operator's dead-letter tools, in every service that reads topics: list the {@code .DLT}s of the topics it
 * reads, page through one partition's records decoded, look at one, and replay one or all of them to the topic they
 * failed on (each at most once, see {@link DeadLetterReplayer}). Who may use them is the service's
 * {@code SecurityConfig}'s to say (an operator credential); the paths are in {@link DeadLetterPaths}.
 */
@RestController
@RequestMapping(DeadLetterPaths.ROOT)
class DeadLetterController {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    static final int DEFAULT_REPLAY_ALL = 1_000;
    static final int MAX_REPLAY_ALL = 10_000;

    private final DeadLetterReader reader;
    private final DeadLetterReplayer replayer;

    DeadLetterController(DeadLetterReader reader, DeadLetterReplayer replayer) {
        this.reader = reader;
        this.replayer = replayer;
    }

    @GetMapping
    List<DeadLetterTopicView> topics() {
        return reader.topics();
    }

    @GetMapping("/{topic}")
    DeadLetterTopicView topic(@PathVariable String topic) {
        return reader.topic(topic);
    }

    @GetMapping("/{topic}/{partition}")
    DeadLetterPage page(@PathVariable String topic, @PathVariable int partition,
            @RequestParam(required = false) Long from, @RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit) {
        return reader.page(topic, partition, from, bounded("limit", limit, MAX_PAGE));
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    DeadLetterView record(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        return reader.view(topic, partition, offset);
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    ReplayOutcome replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        return replayer.replay(topic, partition, offset);
    }

    @PostMapping("/{topic}/replay")
    ReplaySummary replayAll(@PathVariable String topic,
            @RequestParam(defaultValue = "" + DEFAULT_REPLAY_ALL) int max) {
        return replayer.replayAll(topic, bounded("max", max, MAX_REPLAY_ALL));
    }

    @ExceptionHandler
    ProblemDetail notFound(NoSuchDeadLetterException e) {
        return problem(HttpStatus.NOT_FOUND, "No such dead letter", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badParameter(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", "'" + e.getName() + "' must be a number");
    }

    @ExceptionHandler
    ProblemDetail conflict(ReplayConflictException e) {
        return problem(HttpStatus.CONFLICT, "Replay interrupted", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail brokerUnavailable(TimeoutException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not answer in time", e.getMessage());
    }

    private static int bounded(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("'" + name + "' must be between 1 and " + max);
        }
        return value;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
