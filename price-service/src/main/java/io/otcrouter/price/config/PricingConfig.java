package io.otcrouter.price.config;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.tokens.TokenCatalog;
import io.otcrouter.price.binance.BinanceClient;
import io.otcrouter.price.binance.BinanceProperties;
import io.otcrouter.price.coingecko.CoinGeckoClient;
import io.otcrouter.price.coingecko.CoinGeckoProperties;
import io.otcrouter.price.kraken.KrakenClient;
import io.otcrouter.price.kraken.KrakenProperties;
import io.otcrouter.price.pricing.GuardedPriceSource;
import io.otcrouter.price.pricing.KafkaPriceUpdatedPublisher;
import io.otcrouter.price.pricing.PriceBoard;
import io.otcrouter.price.pricing.PriceBoardMetrics;
import io.otcrouter.price.pricing.PriceCache;
import io.otcrouter.price.pricing.PriceRefresher;
import io.otcrouter.price.pricing.PriceSourceClient;
import io.otcrouter.price.pricing.PriceUpdatedPublisher;

@Configuration(proxyBeanMethods = false)
class PricingConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TokenCatalog tokenCatalog() {
        return TokenCatalog.defaults();
    }

    @Bean
    CoinGeckoClient coinGeckoClient(RestClient.Builder builder, CoinGeckoProperties properties, Clock clock) {
        return CoinGeckoClient.create(builder, properties, clock);
    }

    @Bean
    KrakenClient krakenClient(RestClient.Builder builder, KrakenProperties properties, Clock clock) {
        return KrakenClient.create(builder, properties, clock);
    }

    @Bean
    BinanceClient binanceClient(RestClient.Builder builder, BinanceProperties properties, Clock clock) {
        return BinanceClient.create(builder, properties, clock);
    }

    /**
     * The configured live sources in failover order, each behind its own circuit breaker and rate limiter
     * (Resilience4j instances named after the source: {@code resilience4j.circuitbreaker.instances.kraken}, ...).
     * STATIC is the board's own last resort.
     */
    @Bean
    PriceBoard priceBoard(TokenCatalog catalog, PricingProperties properties, CoinGeckoClient coinGecko,
            KrakenClient kraken, BinanceClient binance, CircuitBreakerRegistry breakers, RateLimiterRegistry limiters,
            MeterRegistry meters, Clock clock) {
        List<PriceSourceClient> sources = properties.sources().stream().distinct()
                .filter(source -> source != PriceSource.STATIC)
                .map(source -> switch (source) {
                    case COINGECKO -> coinGecko;
                    case KRAKEN -> kraken;
                    case BINANCE -> binance;
                    case STATIC -> throw new IllegalArgumentException("STATIC is not a live source");
                })
                .<PriceSourceClient>map(client -> guarded(client, breakers, limiters, meters, clock))
                .toList();
        return new PriceBoard(catalog, sources, new PriceCache(properties.cacheTtl(), clock), clock);
    }

    private static GuardedPriceSource guarded(PriceSourceClient client, CircuitBreakerRegistry breakers,
            RateLimiterRegistry limiters, MeterRegistry meters, Clock clock) {
        String name = client.source().name().toLowerCase(Locale.ROOT);
        return new GuardedPriceSource(client, breakers.circuitBreaker(name), limiters.rateLimiter(name), meters,
                clock);
    }

    /** Boot binds every {@code MeterBinder} bean to the service's registry. */
    @Bean
    PriceBoardMetrics priceBoardMetrics(PriceBoard board, TokenCatalog catalog) {
        return new PriceBoardMetrics(board, catalog);
    }

    @Bean
    PriceUpdatedPublisher priceUpdatedPublisher(KafkaTemplate<String, Object> kafkaTemplate, Clock clock) {
        return new KafkaPriceUpdatedPublisher(kafkaTemplate, clock);
    }

    @Bean
    PriceRefresher priceRefresher(PriceBoard board, PriceUpdatedPublisher publisher, PricingProperties properties,
            Clock clock) {
        return new PriceRefresher(board, publisher, clock, properties.heartbeatInterval());
    }
}
