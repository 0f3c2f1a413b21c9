package io.otcrouter.price.pricing;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The last good live price per token symbol, for {@code ttl}. While a token is in here no source is asked for
 * it; once it expired the board asks again, and keeps serving the old price marked stale if nobody answers.
 * Static prices are never cached, so every round tries the live sources for them. Time comes from the
 * service's {@link Clock} so expiry is testable.
 */
public final class PriceCache {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

    private final Cache<String, TokenPrice> prices;

    public PriceCache(Duration ttl, Clock clock) {
        this.prices = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    /** The cached live price, or null when none or expired. */
    TokenPrice fresh(String symbol) {
        return prices.getIfPresent(symbol);
    }

    void put(TokenPrice price) {
        if (!price.stale()) {
            prices.put(price.symbol(), price);
        }
    }
}
