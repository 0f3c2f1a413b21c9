package io.otcrouter.price.api;

import java.math.BigDecimal;
import java.time.Instant;

import io.otcrouter.price.pricing.TokenPrice;

/** One token in {@code GET /api/prices}; numbers are written from BigDecimal, never through double. */
public record PriceView(BigDecimal price, BigDecimal change24h, Instant lastUpdated, String mint, String source) {

    static PriceView of(TokenPrice price) {
        return new PriceView(price.priceUsd(), price.change24hPct(), price.observedAt(), price.token().mint(),
                price.source().name());
    }
}
