package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The ledger's settlement of one trade with its cost analysis, amounts in output token units.
 *
 * @param dexBaselineOut        what everything-to-Jupiter would have returned, null when Jupiter did not quote
 * @param savingOut             realized output gained over that baseline, null without a baseline
 * @param slippageVsQuoteBps    positive when the trade returned less than the router expected
 * @param shortfallVsArrivalBps cost against the arrival reference price, in bps
 * @param jupiterPriceImpactPct Jupiter's price impact for the full size, a fraction (0.01 is 1 %)
 */
public record SettlementDetail(SettledTrade trade, BigDecimal expectedOut, BigDecimal dexBaselineOut,
        BigDecimal savingOut, BigDecimal slippageVsQuoteBps, BigDecimal shortfallVsArrivalBps,
        BigDecimal jupiterPriceImpactPct, Instant decidedAt) {
}
