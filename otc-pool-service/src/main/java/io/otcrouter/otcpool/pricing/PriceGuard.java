package io.otcrouter.otcpool.pricing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.otcrouter.events.PriceSource;
import io.otcrouter.kafka.prices.ReferencePrice;

/**
 * Decides whether a reference price is good enough to promise a firm price on: not STATIC, not flagged stale by
 * price-service, and observed less than {@code maxAge} ago. {@code allowStale} (the offline demo) waives all three.
 * Plain Java.
 */
public class PriceGuard {

    private final boolean allowStale;
    private final Duration maxAge;
    private final Clock clock;

    public PriceGuard(boolean allowStale, Duration maxAge, Clock clock) {
        this.allowStale = allowStale;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Why this price must not be quoted on, or empty when it may (a missing price is the pricer's concern). */
    public Optional<String> refusal(String symbol, ReferencePrice price) {
        if (allowStale || price == null) {
            return Optional.empty();
        }
        if (price.source() == PriceSource.STATIC) {
            return Optional.of("Reference price of " + symbol + " is STATIC (no live source); not quoting on it");
        }
        if (price.stale()) {
            return Optional.of("Reference price of " + symbol + " is stale (" + price.source() + ")");
        }
        Duration age = Duration.between(price.observedAt(), Instant.now(clock));
        if (age.compareTo(maxAge) > 0) {
            return Optional.of("Reference price of " + symbol + " is " + age.toSeconds() + " s old (limit "
                    + maxAge.toSeconds() + " s)");
        }
        return Optional.empty();
    }
}
