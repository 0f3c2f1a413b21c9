package io.otcrouter.dashboard.forwarding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;

/**
 * What a service the dashboard called on someone's behalf answered, as it is handed to the page. JSON — a result, or
 * a refusal as {@code application/problem+json} that the page shows as text — passes through unchanged. Anything
 * else becomes a 502 problem of the dashboard's own: an HTML error page of a proxy is never passed on, and a 401 or
 * 403 means the service refused the dashboard's own credential, which is a fault of its configuration, not of the
 * person's session (a 401 from the dashboard always means "sign in again").
 *
 * <p>{@code Retry-After} passes through when it is a plain number of seconds: the router's 503s (no quote in time,
 * load shed, event log down: nothing was done) carry it, and the trade form waits that long before it retries.
 *
 * @param service    the service's name, for the page and the log
 * @param retryAfter the answer's {@code Retry-After} in whole seconds, or null
 */
public record UpstreamAnswer(String service, HttpStatusCode status, MediaType contentType, String body,
        String retryAfter) {

    /** More than any quote, trade or pool answers; a longer answer is not passed on. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(UpstreamAnswer.class);
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,4}");

    public static UpstreamAnswer read(String service, ClientHttpResponse response) throws IOException {
        byte[] body;
        try (InputStream in = response.getBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return new UpstreamAnswer(service, HttpStatus.BAD_GATEWAY, null, null, null);
        }
        String retryAfter = response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        return new UpstreamAnswer(service, response.getStatusCode(), response.getHeaders().getContentType(),
                new String(body, StandardCharsets.UTF_8),
                retryAfter != null && SECONDS.matcher(retryAfter).matches() ? retryAfter : null);
    }

    public ResponseEntity<Object> relay() {
        if (status.value() == 401 || status.value() == 403) {
            log.warn("{} refused the dashboard's own credential with HTTP {}: check its API key and scopes", service,
                    status.value());
            return problem("Dashboard not authorized by " + service, service + " refused the dashboard's own"
                    + " credential (HTTP " + status.value() + "); the dashboard's configuration needs fixing");
        }
        if (body == null) {
            return problem("Unexpected answer from " + service, service + " answered more than "
                    + MAX_BODY_BYTES + " bytes");
        }
        if (body.isEmpty()) {
            return ResponseEntity.status(status).build();
        }
        if (!isJson(contentType)) {
            return problem("Unexpected answer from " + service, service + " answered HTTP " + status.value()
                    + " with " + (contentType == null ? "no content type" : contentType.toString()) + ", not JSON");
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(contentType);
        if (retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return answer.body(body);
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type));
    }

    private ResponseEntity<Object> problem(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, detail);
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
