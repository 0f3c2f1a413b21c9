package io.otcrouter.router.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.otcrouter.router.trades.DecisionNotPublishedException;
import io.otcrouter.router.trades.DecisionUnconfirmedException;
import io.otcrouter.router.trades.NoQuoteInTimeException;
import io.otcrouter.security.input.StrictInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every refusal as {@code application/problem+json} saying what was wrong. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final int MAX_DETAIL = 300;
    /** Seconds before retrying a trade no venue answered: longer than a refused publish, a venue may be restarting. */
    static final String RETRY_UNQUOTED = "2";

    @ExceptionHandler
    ProblemDetail invalid(InvalidTradeRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid trade request");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    /** Malformed JSON, unknown fields, wrong types: say which field, from the parser's own words. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(e));
        problem.setTitle("Unreadable trade request");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + StrictInput.shown(unknown.getPropertyName()) + "'; known fields: "
                    + unknown.getKnownPropertyIds();
        }
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream().map(ref -> ref.getPropertyName() != null
                    ? StrictInput.shown(ref.getPropertyName()) : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "Field '" + field + "' is invalid: " + firstLine(json.getOriginalMessage());
        }
        if (cause instanceof MismatchedInputException shape) {
            return "The request body must be a JSON object with the trade's fields: "
                    + firstLine(shape.getOriginalMessage());
        }
        if (cause instanceof JacksonException json) {
            // Too long a number or too deep a nesting is refused while parsing, before any field is known: say where.
            TokenStreamLocation at = json.getLocation();
            String where = at == null || at.getLineNr() < 0 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            return "Malformed JSON" + where + ": " + firstLine(json.getOriginalMessage());
        }
        return "The request body is missing or not JSON";
    }

    /** The parser's first line, which may quote the input: control characters escaped, at most 300 characters. */
    private static String firstLine(String message) {
        if (message == null) {
            return "not valid JSON";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        StringBuilder shown = new StringBuilder();
        int i = 0;
        for (; i < line.length() && shown.length() < MAX_DETAIL; i++) {
            char c = line.charAt(i);
            shown.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return i < line.length() ? shown + "…" : shown.toString();
    }

    /** The producer refused the decision at once: truly nothing was done, and a retry decides the same trade. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> notPublished(DecisionNotPublishedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()
                + ". Nothing was executed; retry (with the same Idempotency-Key, the same trade is decided).");
        problem.setTitle("Trade not accepted: the event log is unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }

    /**
     * No venue could fill it and Jupiter did not answer before the deadline: silence is not a refusal, so nothing
     * was decided, published or booked. Like a decision the producer refused: 503, and a retry (under the same
     * Idempotency-Key: the same trade id) decides afresh.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> noQuoteInTime(NoQuoteInTimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "No venue answered "
                + "in time to fill this trade: " + e.silence().named() + " did not answer before the quote deadline. "
                + "Nothing was traded; retry with the same Idempotency-Key.");
        problem.setTitle("No quote in time");
        problem.setProperty("silentVenues", e.silence().venues());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_UNQUOTED)
                .body(problem);
    }

    /**
     * The decision may be executing but the event log has not confirmed it: 202, never "nothing was done". The
     * client polls the Location, or repeats the request with the same Idempotency-Key, which answers this trade.
     */
    @ExceptionHandler
    ResponseEntity<Map<String, Object>> unconfirmed(DecisionUnconfirmedException e) {
        String location = ApiPaths.trade(e.tradeId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradeId", e.tradeId());
        body.put("status", "UNCONFIRMED");
        body.put("detail", "The trade is decided and may be executing, but the event log has not confirmed its "
                + "decision yet. Poll " + location + ", or repeat this request with the same Idempotency-Key: it "
                + "answers this trade and never decides another.");
        body.put("poll", location);
        return ResponseEntity.accepted().location(URI.create(location)).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
