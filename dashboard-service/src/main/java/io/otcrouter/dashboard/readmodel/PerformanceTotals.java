package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;

import io.otcrouter.events.TradeStatus;

/**
 * Execution quality over every settled trade: fill outcomes, Jupiter's price impact (the DEX slippage a trade
 * would have suffered), realized slippage against the router's quote and shortfall against the arrival price.
 * Sums and counts only, so arrival order does not matter; averages are taken when read.
 *
 * @param impactSum     sum of Jupiter price impacts, fractions (0.01 is 1 %), over {@code impactQuoted} trades
 * @param slippageSumBps sum of slippage against the quote in bps, over {@code slippageCount} trades
 * @param shortfallSumBps sum of shortfall against the arrival reference price in bps, over {@code shortfallCount}
 */
public record PerformanceTotals(long trades, long filled, long partiallyFilled, long failed, long impactQuoted,
        BigDecimal impactSum, long slippageCount, BigDecimal slippageSumBps, long shortfallCount,
        BigDecimal shortfallSumBps) {

    static PerformanceTotals empty() {
        return new PerformanceTotals(0, 0, 0, 0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);
    }

    PerformanceTotals plus(TradeStatus status, BigDecimal priceImpact, BigDecimal slippageBps,
            BigDecimal shortfallBps) {
        return add(status, priceImpact, slippageBps, shortfallBps, 1);
    }

    /** Takes a trade's contribution back out: a correction replaces it. */
    PerformanceTotals minus(TradeStatus status, BigDecimal priceImpact, BigDecimal slippageBps,
            BigDecimal shortfallBps) {
        return add(status, priceImpact, slippageBps, shortfallBps, -1);
    }

    private PerformanceTotals add(TradeStatus status, BigDecimal priceImpact, BigDecimal slippageBps,
            BigDecimal shortfallBps, int sign) {
        return new PerformanceTotals(trades + sign,
                filled + (status == TradeStatus.FILLED ? sign : 0),
                partiallyFilled + (status == TradeStatus.PARTIALLY_FILLED ? sign : 0),
                failed + (status == TradeStatus.FAILED ? sign : 0),
                impactQuoted + (priceImpact == null ? 0 : sign), add(impactSum, priceImpact, sign),
                slippageCount + (slippageBps == null ? 0 : sign), add(slippageSumBps, slippageBps, sign),
                shortfallCount + (shortfallBps == null ? 0 : sign), add(shortfallSumBps, shortfallBps, sign));
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal value, int sign) {
        return value == null ? sum : sum.add(value.multiply(BigDecimal.valueOf(sign)));
    }
}
