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
import io.otcrouter.router.idempotency.IdempotencyKeyRepository.Claim;
import io.otcrouter.router.idempotency.IdempotencyKeyRepository.StoredResponse;
import io.otcrouter.router.security.ApiCaller;
import io.otcrouter.router.trades.TradeAttempt;
import io.otcrouter.security.CachedBodyRequest;

/**
 * {@code Idempotency-Key} on {@code POST /api/trades}, kept per API key: one key is one trade. The first request
 * with a key claims it together with a new trade id, runs, and its final answer (status, body, Location) is stored;
 * a repetition by the same API key with the same request gets that answer again, after waiting for it if the first
 * is still running, on any instance; a repetition with another request gets 422. The same key sent with another
 * API key is another client's request and runs on its own.
 *
 * <p>An attempt that ends without a final answer — a server error, or {@code 202} when the decision's publication
 * was not confirmed — keeps the key and its trade id: the client's retry resumes the same trade (see
 * {@link TradeAttempt}), and so does a retry of a key whose attempt was abandoned in flight by a crashed instance.
 * It never decides a second trade for the key. The broker's acknowledgement of the attempt's decision, if any, is
 * recorded in the same statement that stores the answer or ends the attempt (see {@link TradeAttempt}). Runs after
 * Spring Security's chain (so the body is within the limit and already in memory) and after admission.
 */
@Component
@Order(ApiPaths.IDEMPOTENCY_ORDER)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
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
        String newTradeId = TradeAttempt.fresh().tradeId();
        long deadline = System.nanoTime() + properties.inFlightWait().toNanos();
        while (true) {
            Instant now = clock.instant();
            Optional<Claim> claim = keys.claim(key, hash, newTradeId, now, now.minus(properties.abandonedAfter()));
            if (claim.isPresent()) {
                runAttempt(key, claim.get(), request, response, chain);
                return;
            }
            Optional<StoredResponse> stored = keys.find(key);
            if (stored.isEmpty()) {
                continue; // purged in between: claim it afresh
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

    private void runAttempt(ScopedKey key, Claim claim, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        var recorded = new ContentCachingResponseWrapper(response);
        TradeAttempt attempt = TradeAttempt.underKey(claim.tradeId(), claim.resumed());
        request.setAttribute(TradeAttempt.ATTRIBUTE, attempt);
        boolean stored = false;
        try {
            chain.doFilter(request, recorded);
            if (isFinal(recorded.getStatus())) {
                keys.complete(key, claim, new StoredResponse(null, recorded.getStatus(),
                        new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8),
                        recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION), claim.tradeId()),
                        clock.instant(), attempt.acknowledgedAt());
                stored = true;
            }
        } finally {
            if (!stored) {
                // If this fails too (the database is away), the claim is resumed once abandoned: just as safe.
                keys.endAttempt(key, claim, attempt.acknowledgedAt());
            }
            inFlight.completed(key);
            recorded.copyBodyToResponse();
        }
    }

    /**
     * Whether an answer is the key's last word. A server error is not (the retry resumes the same trade), nor is
     * 202, the answer while the decision's publication is unconfirmed: the retry then answers the trade as it
     * stands.
     */
    static boolean isFinal(int status) {
        return status < 500 && status != HttpStatus.ACCEPTED.value();
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
        response.setHeader(ApiPaths.REPLAYED_HEADER, "true");
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
