package io.otcrouter.price.pricing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;

/**
 * Keeps the service a polite client of one external price source. In this order it refuses to call when the
 * source asked us to wait ({@code Retry-After} of a 429/418), when its circuit breaker is open, or when our own
 * rate limiter (sized to the source's public limit) has no permit left; each refusal is "unavailable this round",
 * so the board moves on to the next source without a request. Every real call is timed and recorded.
 *
 * <p>Metrics: {@code otc.price.source.requests} (timer: count and latency, tags {@code source}, {@code outcome}
 * success|rate_limited|unavailable|error) and {@code otc.price.source.skipped} (tags {@code source},
 * {@code reason} retry_after|circuit_open|rate_limiter). The breaker state is Resilience4j's own
 * {@code resilience4j.circuitbreaker.state}.
 */
public class GuardedPriceSource implements PriceSourceClient {

    private final PriceSourceClient delegate;
    private final CircuitBreaker breaker;
    private final RateLimiter rateLimiter;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String tag;
    private volatile Instant quietUntil = Instant.MIN;

    public GuardedPriceSource(PriceSourceClient delegate, CircuitBreaker breaker, RateLimiter rateLimiter,
            MeterRegistry meters, Clock clock) {
        this.delegate = delegate;
        this.breaker = breaker;
        this.rateLimiter = rateLimiter;
        this.meters = meters;
        this.clock = clock;
        this.tag = delegate.source().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public PriceSource source() {
        return delegate.source();
    }

    @Override
    public int requestCount(List<Token> tokens) {
        return delegate.requestCount(tokens);
    }

    @Override
    public Map<String, SourcePrice> fetch(List<Token> tokens) {
        int requests = delegate.requestCount(tokens);
        if (requests == 0) {
            return Map.of();
        }
        Instant now = clock.instant();
        if (now.isBefore(quietUntil)) {
            throw skipped("retry_after", "asked us to wait until " + quietUntil);
        }
        if (!breaker.tryAcquirePermission()) {
            throw skipped("circuit_open", "circuit breaker is " + breaker.getState());
        }
        int permits = Math.min(requests, rateLimiter.getRateLimiterConfig().getLimitForPeriod());
        if (!rateLimiter.acquirePermission(permits)) {
            breaker.releasePermission();
            throw skipped("rate_limiter", "our own rate limit for it is used up");
        }
        return call(tokens, now);
    }

    /** Retry-After deadline, for tests and diagnostics. */
    Instant quietUntil() {
        return quietUntil;
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private Map<String, SourcePrice> call(List<Token> tokens, Instant now) {
        long start = System.nanoTime();
        try {
            Map<String, SourcePrice> prices = delegate.fetch(tokens);
            long elapsed = System.nanoTime() - start;
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            record("success", elapsed);
            return prices;
        } catch (SourceRateLimitedException e) {
            quietUntil = now.plus(e.retryAfter());
            failed("rate_limited", start, e);
            throw e;
        } catch (PriceSourceUnavailableException e) {
            failed("unavailable", start, e);
            throw e;
        } catch (RuntimeException e) {
            failed("error", start, e);
            throw e;
        }
    }

    private void failed(String outcome, long start, Throwable cause) {
        long elapsed = System.nanoTime() - start;
        breaker.onError(elapsed, TimeUnit.NANOSECONDS, cause);
        record(outcome, elapsed);
    }

    private void record(String outcome, long elapsedNanos) {
        Timer.builder("otc.price.source.requests").description("Calls to an external price source")
                .tag("source", tag).tag("outcome", outcome).register(meters)
                .record(elapsedNanos, TimeUnit.NANOSECONDS);
    }

    private PriceSourceUnavailableException skipped(String reason, String why) {
        Counter.builder("otc.price.source.skipped").description("Rounds in which a price source was not called")
                .tag("source", tag).tag("reason", reason).register(meters).increment();
        return new PriceSourceUnavailableException(delegate.source() + " skipped: " + why);
    }
}
