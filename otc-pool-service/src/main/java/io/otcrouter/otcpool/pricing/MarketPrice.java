package io.otcrouter.otcpool.pricing;

import java.math.BigDecimal;
import java.time.Instant;

import io.otcrouter.events.PriceSource;

/**
 * One token's reference USD price as price-service published it, with what the pools need to judge it: its
 * source, whether price-service flagged it stale, when it was observed, and the 24 h change (percent, null when the
 * source does not say).
 */
public record MarketPrice(BigDecimal priceUsd, BigDecimal change24hPct, PriceSource source, boolean stale,
        Instant observedAt) {

    /** A live price with no 24 h change, e.g. for tests and callers that only know the number. */
    public static MarketPrice live(BigDecimal priceUsd) {
        return priceUsd == null ? null : new MarketPrice(priceUsd, null, PriceSource.COINGECKO, false, Instant.EPOCH);
    }
}
