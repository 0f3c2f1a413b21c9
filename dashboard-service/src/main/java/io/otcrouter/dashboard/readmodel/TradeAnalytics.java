package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.otcrouter.events.Route;

/**
 * A consistent snapshot of the analytics aggregates.
 *
 * @param volumeUsdByRoute filled volume per route, every route present
 * @param brackets         size brackets, smallest first
 * @param sizePoints       the most recent trades with a Jupiter price impact, oldest first
 * @param threshold        the slippage threshold, a fraction (0.01 is 1 %)
 */
public record TradeAnalytics(Map<Route, BigDecimal> volumeUsdByRoute, List<BracketTotals> brackets,
        List<SizePoint> sizePoints, PerformanceTotals performance, BigDecimal threshold) {
}
