package io.otcrouter.ledger.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The analytics page's data, over traded (FILLED or PARTIALLY_FILLED) trades. USD scale 6, percentages scale 4.
 *
 * @param slippageAboveOnePctShare        traded trades whose realized slippage exceeded 1 %, percent of them
 * @param jupiterImpactAboveOnePctShare   traded trades whose Jupiter price impact exceeded 1 %, percent of them
 */
public record LedgerAnalyticsView(List<RouteShare> routeDistribution, List<DailySavings> dailySavings,
        List<SizeBracket> savingsBySize, List<SizeSlippagePoint> sizeVsSlippage, String slippageAboveOnePctShare,
        String jupiterImpactAboveOnePctShare) {

    public record RouteShare(String route, long trades, String volumeUsd, String tradeSharePct,
            String volumeSharePct) {
    }

    /** One UTC day of the last 30, oldest first; days without trades are present with zeros. */
    public record DailySavings(LocalDate day, long trades, String savingsUsd) {
    }

    /** Trades by size in USD: [minUsd, maxUsd), maxUsd null for the top bracket. */
    public record SizeBracket(String label, String minUsd, String maxUsd, long trades, String savingsUsd,
            String averageSavingUsd) {
    }

    /** One trade's size against its slippages (the most recent 500). */
    public record SizeSlippagePoint(String tradeId, String route, String volumeUsd, String slippagePct,
            String jupiterPriceImpactPct) {
    }
}
