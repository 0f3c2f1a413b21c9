package io.otcrouter.price.api;

import java.math.BigDecimal;
import java.time.Instant;

import io.otcrouter.price.pricing.TokenPrice;

/**
 * One token in {@code GET /api/prices}; numbers are written from BigDecimal, never through double.
 *
 * @param source         who supplied this price: COINGECKO, KRAKEN, BINANCE, or STATIC (offline fallback)
 * @param stale          true for STATIC, and for a live price older than the cache lifetime that no source renewed
 * @param change24hBasis ROLLING_24H or SINCE_UTC_DAY_OPEN (Kraken); null when change24h is null
 */
public record PriceView(BigDecimal price, BigDecimal change24h, Instant lastUpdated, String mint, String source,
        boolean stale, String change24hBasis) {

    static PriceView of(TokenPrice price) {
        return new PriceView(price.priceUsd(), price.change24hPct(), price.observedAt(), price.token().mint(),
                price.source().name(), price.stale(),
                price.changeBasis() == null ? null : price.changeBasis().name());
    }
}
