package io.otcrouter.dashboard.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.otcrouter.dashboard.readmodel.RouteDecision;
import io.otcrouter.dashboard.readmodel.SettledTrade;
import io.otcrouter.dashboard.readmodel.SettlementDetail;

/**
 * {@code GET /api/trades/{tradeId}}: the router's decision (legs, every candidate considered) and the ledger's
 * settlement (cost analysis) of one recent trade; either is null until its event has been projected. Token
 * amounts are exact decimal strings in token units; user strings are returned verbatim, the page escapes them.
 */
record TradeDetailView(String tradeId, Decision decision, Settlement settlement) {

    /** @param jupiterPriceImpactPct percent (1 is 1 %) */
    record Decision(String clientOrderId, String pair, String inputSymbol, String outputSymbol, String route,
            String amountIn, int slippageBps, String expectedOut, String dexBaselineOut, String expectedSavingOut,
            BigDecimal jupiterPriceImpactPct, String dexQuoteSource, String reason, List<Leg> legs,
            List<Candidate> candidates, Instant decidedAt, String submittedBy) {
    }

    record Leg(String legId, String venue, String poolId, String amountIn, String expectedOut, String minOut) {
    }

    record Candidate(String label, String route, boolean available, String out, String reason) {
    }

    record Settlement(String clientOrderId, String pair, String inputSymbol, String outputSymbol, String route,
            String status, String amountIn, String filledIn, String outAmount, String expectedOut,
            String dexBaselineOut, String savingOut, BigDecimal savingUsd, BigDecimal volumeUsd,
            String executionPrice, BigDecimal slippageVsQuoteBps, BigDecimal shortfallVsArrivalBps,
            BigDecimal jupiterPriceImpactPct, Instant decidedAt, Instant settledAt) {
    }

    static TradeDetailView of(String tradeId, RouteDecision decision, SettlementDetail settlement) {
        return new TradeDetailView(tradeId, decision == null ? null : decision(decision),
                settlement == null ? null : settlement(settlement));
    }

    private static Decision decision(RouteDecision d) {
        return new Decision(d.clientOrderId(), d.pair(), d.inputSymbol(), d.outputSymbol(), d.route().name(),
                plain(d.amountIn()), d.slippageBps(), plain(d.expectedOut()), plain(d.dexBaselineOut()),
                plain(d.expectedSavingOut()), percent(d.jupiterPriceImpactPct()),
                d.dexQuoteSource() == null ? null : d.dexQuoteSource().name(), d.reason(),
                d.legs().stream().map(leg -> new Leg(leg.legId(), leg.venue().name(), leg.poolId(),
                        plain(leg.amountIn()), plain(leg.expectedOut()), plain(leg.minOut()))).toList(),
                d.candidates().stream().map(c -> new Candidate(c.label(), c.route().name(), c.available(),
                        plain(c.out()), c.reason())).toList(),
                d.decidedAt(), d.submittedBy());
    }

    private static Settlement settlement(SettlementDetail s) {
        SettledTrade t = s.trade();
        return new Settlement(t.clientOrderId(), t.pair(), t.inputSymbol(), t.outputSymbol(), t.route().name(),
                t.status().name(), plain(t.amountIn()), plain(t.filledIn()), plain(t.outAmount()),
                plain(s.expectedOut()), plain(s.dexBaselineOut()), plain(s.savingOut()), t.savingUsd(),
                t.volumeUsd(), plain(t.executionPrice()), s.slippageVsQuoteBps(), s.shortfallVsArrivalBps(),
                percent(s.jupiterPriceImpactPct()), s.decidedAt(), t.settledAt());
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.movePointRight(2).stripTrailingZeros();
    }
}
