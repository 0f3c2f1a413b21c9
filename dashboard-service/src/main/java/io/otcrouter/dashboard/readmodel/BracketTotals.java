package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;

import io.otcrouter.events.TradeStatus;

/**
 * Aggregates of the trades whose requested size (USD at the arrival price) falls in one size bracket.
 * Sums only, so the figures do not depend on the order trades arrive in.
 *
 * @param minUsd         inclusive lower bound
 * @param maxUsd         exclusive upper bound, null for the open-ended last bracket
 * @param executed       trades that filled at least partly
 * @param otcTrades      executed trades that sent flow to a pool (OTC or split)
 * @param impactQuoted   trades with a Jupiter price impact (the DEX answered)
 * @param impactSum      sum of those price impacts, fractions (0.01 is 1 %)
 * @param aboveThreshold trades whose Jupiter price impact exceeded the slippage threshold
 */
public record BracketTotals(BigDecimal minUsd, BigDecimal maxUsd, long trades, long executed,
        BigDecimal volumeUsd, BigDecimal savingsUsd, long otcTrades, long impactQuoted, BigDecimal impactSum,
        long aboveThreshold) {

    static BracketTotals empty(BigDecimal minUsd, BigDecimal maxUsd) {
        return new BracketTotals(minUsd, maxUsd, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO, 0);
    }

    boolean contains(BigDecimal sizeUsd) {
        return sizeUsd.compareTo(minUsd) >= 0 && (maxUsd == null || sizeUsd.compareTo(maxUsd) < 0);
    }

    BracketTotals plus(SettledTrade trade, BigDecimal priceImpact, BigDecimal threshold) {
        return add(trade, priceImpact, threshold, 1);
    }

    /** Takes a trade's contribution back out: a correction replaces it. */
    BracketTotals minus(SettledTrade trade, BigDecimal priceImpact, BigDecimal threshold) {
        return add(trade, priceImpact, threshold, -1);
    }

    private BracketTotals add(SettledTrade trade, BigDecimal priceImpact, BigDecimal threshold, int sign) {
        boolean wasExecuted = trade.status() != TradeStatus.FAILED;
        BigDecimal saving = wasExecuted && trade.savingUsd() != null ? trade.savingUsd() : BigDecimal.ZERO;
        BigDecimal signed = BigDecimal.valueOf(sign);
        return new BracketTotals(minUsd, maxUsd, trades + sign, executed + (wasExecuted ? sign : 0),
                volumeUsd.add(trade.volumeUsd().multiply(signed)), savingsUsd.add(saving.multiply(signed)),
                otcTrades + (wasExecuted && trade.touchedOtc() ? sign : 0),
                impactQuoted + (priceImpact == null ? 0 : sign),
                priceImpact == null ? impactSum : impactSum.add(priceImpact.multiply(signed)),
                aboveThreshold + (priceImpact != null && priceImpact.compareTo(threshold) > 0 ? sign : 0));
    }
}
