package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.time.Instant;

import io.otcrouter.events.Route;

/**
 * One trade on the "size against slippage" chart.
 *
 * @param sizeUsd     requested input at the arrival reference price
 * @param priceImpact Jupiter's price impact for the full size, a fraction (0.01 is 1 %)
 */
public record SizePoint(String tradeId, BigDecimal sizeUsd, BigDecimal priceImpact, Route route,
        Instant settledAt) {
}
