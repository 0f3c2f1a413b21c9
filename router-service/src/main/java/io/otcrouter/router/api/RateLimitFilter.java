package io.otcrouter.router.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.router.config.RateLimitProperties;
import io.otcrouter.router.security.ApiCaller;
import io.otcrouter.router.security.ApiKeyRateLimiter;

/**
 * Each API key's own rate of trade submissions and quotes: beyond it, 429 with {@code Retry-After} and a problem,
 * before anything else is done (no admission place taken, no idempotency key claimed, nothing asked of the venues).
 * One busy or broken client cannot take every other client's share of the router and of the shared Jupiter budget.
 */
@Component
@Order(ApiPaths.RATE_LIMIT_ORDER)
class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMITED = "otc.router.rate.limited";

    private final RateLimitProperties properties;
    private final ApiKeyRateLimiter limiter;
    private final ProblemWriter problems;
    private final MeterRegistry meters;

    RateLimitFilter(RateLimitProperties properties, ProblemWriter problems, MeterRegistry meters) {
        this.properties = properties;
        this.limiter = new ApiKeyRateLimiter(properties.perSecond(), properties.burst());
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.DECIDING.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String keyId = ApiCaller.of(request).keyId();
        Optional<Duration> wait = limiter.acquire(keyId);
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = retryAfterSeconds(wait.get());
        meters.counter(LIMITED, "apiKey", keyId).increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded",
                "The API key '" + keyId + "' may send " + properties.perSecond() + " trade submissions and quotes a "
                        + "second, in bursts of up to " + properties.burst() + "; nothing was done with this one. "
                        + "Retry after " + seconds + " s (the same Idempotency-Key is safe).",
                Map.of("perSecond", properties.perSecond(), "burst", properties.burst()));
    }

    /** Whole seconds, rounded up: Retry-After has no fractions, and 0 would invite an immediate retry. */
    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
