package io.otcrouter.ledger.api;

import java.util.List;

/**
 * The original project's statistics over settled trades. USD values scale 6, percentages scale 4, all as exact
 * decimal strings. "Traded" = FILLED or PARTIALLY_FILLED: only they carry volume, savings and slippage.
 *
 * @param averageSlippagePct        mean realized slippage against the router's expected output, percent
 * @param averageJupiterSlippagePct mean Jupiter price impact quoted for the full size, percent
 * @param otcSharePct               traded trades that went (fully or partly) to an OTC pool, percent
 */
public record LedgerStatsView(long settledTrades, long filledTrades, long partiallyFilledTrades, long failedTrades,
        long pendingTrades, String totalVolumeUsd, String totalSavingsUsd, String averageSavingUsd,
        String averageSlippagePct, String averageJupiterSlippagePct, String otcSharePct, List<RouteStats> byRoute,
        PeriodStats today) {

    /** Settled trades of one route; volume and savings over its traded ones. */
    public record RouteStats(String route, long trades, String volumeUsd, String savingsUsd) {
    }

    /** Trades settled since midnight UTC. */
    public record PeriodStats(long trades, String volumeUsd, String savingsUsd) {
    }
}
