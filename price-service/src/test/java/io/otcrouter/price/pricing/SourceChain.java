package io.otcrouter.price.pricing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.time.Duration;
import java.util.List;

import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.price.binance.BinanceClient;
import io.otcrouter.price.binance.BinanceProperties;
import io.otcrouter.price.coingecko.CoinGeckoClient;
import io.otcrouter.price.coingecko.CoinGeckoProperties;
import io.otcrouter.price.kraken.KrakenClient;
import io.otcrouter.price.kraken.KrakenProperties;
import io.otcrouter.testsupport.time.MutableClock;

/**
 * Test harness: the three real clients against three WireMock servers, each guarded like in production
 * (explicit breaker thresholds as in application.yml), on a clock the test moves.
 */
final class SourceChain implements AutoCloseable {

    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    static final Duration BREAKER_OPEN_FOR = Duration.ofSeconds(60);

    final WireMockServer coinGecko = new WireMockServer(wireMockConfig().dynamicPort());
    final WireMockServer kraken = new WireMockServer(wireMockConfig().dynamicPort());
    final WireMockServer binance = new WireMockServer(wireMockConfig().dynamicPort());
    final MutableClock clock;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final GuardedPriceSource guardedCoinGecko;
    final GuardedPriceSource guardedKraken;
    final GuardedPriceSource guardedBinance;
    final PriceBoard board;

    SourceChain(TokenCatalog catalog, MutableClock clock) {
        this(catalog, clock, CACHE_TTL);
    }

    SourceChain(TokenCatalog catalog, MutableClock clock, Duration cacheTtl) {
        this.clock = clock;
        coinGecko.start();
        kraken.start();
        binance.start();
        Duration timeout = Duration.ofMillis(500);
        guardedCoinGecko = guard(CoinGeckoClient.create(RestClient.builder(),
                new CoinGeckoProperties(coinGecko.baseUrl() + "/api/v3", null, timeout, timeout), clock));
        guardedKraken = guard(KrakenClient.create(RestClient.builder(),
                new KrakenProperties(kraken.baseUrl(), timeout, timeout), clock));
        guardedBinance = guard(BinanceClient.create(RestClient.builder(),
                new BinanceProperties(binance.baseUrl(), timeout, timeout), clock));
        board = new PriceBoard(catalog, List.of(guardedCoinGecko, guardedKraken, guardedBinance),
                new PriceCache(cacheTtl, clock), clock);
    }

    static CircuitBreakerConfig breakerConfig(MutableClock clock) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(4)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(50)
                .waitDurationInOpenState(BREAKER_OPEN_FOR)
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .clock(clock)
                .build();
    }

    private GuardedPriceSource guard(PriceSourceClient client) {
        String name = client.source().name();
        RateLimiter limiter = RateLimiter.of(name, RateLimiterConfig.custom().limitForPeriod(100)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build());
        return new GuardedPriceSource(client, CircuitBreaker.of(name, breakerConfig(clock)), limiter, meters, clock);
    }

    @Override
    public void close() {
        coinGecko.stop();
        kraken.stop();
        binance.stop();
    }
}
