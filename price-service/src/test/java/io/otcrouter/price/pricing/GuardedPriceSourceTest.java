package io.otcrouter.price.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.testsupport.time.MutableClock;

class GuardedPriceSourceTest {

    private static final Instant START = Instant.parse("2026-01-02T03:00:00Z");
    private static final List<Token> TOKENS = TokenCatalog.defaults().all();
    private static final SourcePrice SOL = new SourcePrice(new BigDecimal("150.5"), null, START);

    private final MutableClock clock = new MutableClock(START);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountingSource source = new CountingSource();

    @Test
    void shouldNotCallASourceThatAskedToWaitUntilItsRetryAfterHasPassed() {
        GuardedPriceSource guarded = guarded(limiter(100));
        source.answer = () -> {
            throw new SourceRateLimitedException("429", Duration.ofSeconds(30), null);
        };
        assertThatThrownBy(() -> guarded.fetch(TOKENS)).isInstanceOf(SourceRateLimitedException.class);

        clock.advance(Duration.ofSeconds(29));
        source.answer = () -> Map.of("SOL", SOL);
        assertThatThrownBy(() -> guarded.fetch(TOKENS)).hasMessageContaining("wait until");
        assertThat(source.calls).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(guarded.fetch(TOKENS)).containsKey("SOL");
        assertThat(source.calls).hasValue(2);
        assertThat(meters.counter("otc.price.source.skipped", "source", "coingecko", "reason", "retry_after")
                .count()).isEqualTo(1.0);
    }

    @Test
    void shouldSkipTheSourceWithoutCallingItWhenOurRateLimitIsUsedUp() {
        GuardedPriceSource guarded = guarded(limiter(1));
        source.answer = () -> Map.of("SOL", SOL);

        guarded.fetch(TOKENS);
        assertThatThrownBy(() -> guarded.fetch(TOKENS)).isInstanceOf(PriceSourceUnavailableException.class)
                .hasMessageContaining("rate limit");

        assertThat(source.calls).hasValue(1);
    }

    @Test
    void shouldOpenTheBreakerAtTheConfiguredThresholdAndStopCalling() {
        GuardedPriceSource guarded = guarded(limiter(100));
        source.answer = () -> {
            throw new PriceSourceUnavailableException("HTTP 503");
        };

        for (int round = 0; round < 5; round++) {
            assertThatThrownBy(() -> guarded.fetch(TOKENS)).isInstanceOf(PriceSourceUnavailableException.class);
        }

        // minimumNumberOfCalls 2 at a 50 % failure rate: two calls, then three skipped rounds.
        assertThat(source.calls).hasValue(2);
        assertThat(guarded.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(meters.timer("otc.price.source.requests", "source", "coingecko", "outcome", "unavailable")
                .count()).isEqualTo(2);
        assertThat(meters.counter("otc.price.source.skipped", "source", "coingecko", "reason", "circuit_open")
                .count()).isEqualTo(3.0);
    }

    @Test
    void shouldNotCountATokenListTheSourceCannotPriceAsACall() {
        GuardedPriceSource guarded = guarded(limiter(100));
        source.requests = 0;

        assertThat(guarded.fetch(TOKENS)).isEmpty();
        assertThat(source.calls).hasValue(0);
    }

    private GuardedPriceSource guarded(RateLimiter limiter) {
        return new GuardedPriceSource(source, CircuitBreaker.of("coingecko", SourceChain.breakerConfig(clock)),
                limiter, meters, clock);
    }

    private static RateLimiter limiter(int perPeriod) {
        return RateLimiter.of("coingecko", RateLimiterConfig.custom().limitForPeriod(perPeriod)
                .limitRefreshPeriod(Duration.ofMinutes(1)).timeoutDuration(Duration.ZERO).build());
    }

    private static final class CountingSource implements PriceSourceClient {
        final AtomicInteger calls = new AtomicInteger();
        Supplier<Map<String, SourcePrice>> answer = Map::of;
        int requests = 1;

        @Override
        public PriceSource source() {
            return PriceSource.COINGECKO;
        }

        @Override
        public int requestCount(List<Token> tokens) {
            return requests;
        }

        @Override
        public Map<String, SourcePrice> fetch(List<Token> tokens) {
            calls.incrementAndGet();
            return answer.get();
        }
    }
}
