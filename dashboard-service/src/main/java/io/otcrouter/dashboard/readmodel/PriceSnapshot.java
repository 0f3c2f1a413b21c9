package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.time.Instant;

import io.otcrouter.events.PriceSource;

/**
 * The latest reference price of one token and where it came from.
 *
 * @param change24hPct percent, null when the source does not say
 * @param observedAt   when the source observed the price
 * @param updatedAt    when price-service published it ({@code occurredAt}), used to keep only the newest
 */
public record PriceSnapshot(String symbol, BigDecimal priceUsd, BigDecimal change24hPct, PriceSource source,
        boolean stale, Instant observedAt, Instant updatedAt) {
}
