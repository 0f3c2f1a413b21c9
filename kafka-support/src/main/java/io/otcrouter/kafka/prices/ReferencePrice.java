package io.otcrouter.kafka.prices;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;

/**
 * One token's reference USD price as price-service last published it, with what a service needs to judge it: its
 * source (STATIC is the offline fallback nobody observed), whether price-service flagged it stale, when it was
 * observed, and the 24 h change (percent, null when the source does not say). Each service applies its own rule
 * to these (a pool refuses what is not live, the router loosens its band); the cache only keeps the latest.
 */
public record ReferencePrice(BigDecimal priceUsd, BigDecimal change24hPct, PriceSource source, boolean stale,
        Instant observedAt) {

    /** A live price with no 24 h change, observed at {@code observedAt}: for callers that only know the number. */
    public static ReferencePrice live(BigDecimal priceUsd, Instant observedAt) {
        return new ReferencePrice(priceUsd, null, PriceSource.COINGECKO, false, observedAt);
    }

    /** A live price of unknown age (observed at the epoch), or null without a number. */
    public static ReferencePrice live(BigDecimal priceUsd) {
        return priceUsd == null ? null : live(priceUsd, Instant.EPOCH);
    }

    public static ReferencePrice of(PriceUpdated event) {
        return new ReferencePrice(event.getPriceUsd(), event.getChange24hPct(), event.getSource(), event.getStale(),
                event.getObservedAt());
    }

    /** Observed by a real source and not flagged stale by price-service (its age is the caller's to judge). */
    public boolean isLive() {
        return source != PriceSource.STATIC && !stale;
    }

    public Duration age(Instant now) {
        return Duration.between(observedAt, now);
    }
}
