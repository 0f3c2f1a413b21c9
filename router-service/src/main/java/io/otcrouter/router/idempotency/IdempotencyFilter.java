package io.otcrouter.router.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import io.otcrouter.router.api.AdmissionFilter;
import io.otcrouter.router.api.ApiPaths;
import io.otcrouter.router.api.OnBehalfOf;
import io.otcrouter.router.api.ProblemWriter;
import io.otcrouter.router.config.IdempotencyProperties;
import io.otcrouter.router.idempotency.IdempotencyKeyRepository.StoredResponse;
import io.otcrouter.router.security.ApiCaller;
import io.otcrouter.security.CachedBodyRequest;

/**
 * {@code Idempotency-Key} on {@code POST /api/trades}, kept per API key: the first request with a key runs and its
 * answer (status, body, Location) is stored; a repetition by the same API key with the same request gets that
 * answer again, after waiting for it if the first is still running, on any instance; a repetition with another
 * request gets 422. The same key sent with another API key is another client's request and runs on its own.
 * Server errors are not stored: the key is freed so that a retry runs afresh. Runs after Spring Security's chain
 * (so the body is within the limit and already in memory) and after admission.
 */
@Component
@Order(ApiPaths.IDEMPOTENCY_ORDER)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyKeyRepository keys;
    private final InFlightKeys inFlight;
    private final IdempotencyProperties properties;
    private final ProblemWriter problems;
    private final Clock clock = Clock.systemUTC();

    IdempotencyFilter(IdempotencyKeyRepository keys, InFlightKeys inFlight, IdempotencyProperties properties,
            ProblemWriter problems) {
        this.keys = keys;
        this.inFlight = inFlight;
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.TRADE_SUBMISSION.matches(request) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(header).matches()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
                    "The " + HEADER + " header must be 1 to 255 visible ASCII characters");
            return;
        }
        String hash = CanonicalRequest.sha256(request.getMethod(), request.getRequestURI(),
                request.getParameterMap(), Collections.list(request.getHeaders(OnBehalfOf.HEADER)), body(request));
        ScopedKey key = new ScopedKey(ApiCaller.of(request).keyId(), header);
        long deadline = System.nanoTime() + properties.inFlightWait().toNanos();
        while (true) {
            Instant now = clock.instant();
            if (keys.claim(key, hash, now, now.minus(properties.abandonedAfter()))) {
                runFirst(key, request, response, chain);
                return;
            }
            Optional<StoredResponse> stored = keys.find(key);
            if (stored.isEmpty()) {
                continue; // the first request failed and freed the key in between: claim it again
            }
            if (!stored.get().requestHash().equals(hash)) {
                problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused",
                        "The " + HEADER + " '" + header + "' was already used by this API key with a different "
                                + "request", Map.of("idempotencyKey", header));
                return;
            }
            if (stored.get().completed()) {
                replay(stored.get(), response);
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problems.write(request, response, HttpStatus.CONFLICT, "Request still in progress",
                        "The first request with " + HEADER + " '" + header + "' has not finished yet; retry later",
                        Map.of("idempotencyKey", header));
                return;
            }
            // Only waiting for the first attempt now: give the admission place back to a trade that can use it.
            AdmissionFilter.leave(request);
            inFlight.awaitCompletion(key, left);
        }
    }

    private void runFirst(ScopedKey key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, recorded);
            if (recorded.getStatus() < 500) {
                keys.complete(key, new StoredResponse(null, recorded.getStatus(),
                        new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8),
                        recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION)), clock.instant());
                stored = true;
            }
        } finally {
            if (!stored) {
                keys.release(key);
            }
            inFlight.completed(key);
            recorded.copyBodyToResponse();
        }
    }

    /** The body Spring Security's body limit read into memory; it can be read again further down. */
    private static byte[] body(HttpServletRequest request) {
        CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyRequest.class);
        if (cached == null) {
            throw new IllegalStateException("The request body was not read by the body limit in the security chain");
        }
        return cached.body();
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.statusCode());
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
        }
    }
}
