package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.Route;
import io.otcrouter.events.Venue;

/**
 * The router's decision for one trade, in token units: what it chose, what it compared, and why.
 *
 * @param dexBaselineOut        what everything-to-Jupiter would have returned, null when Jupiter could not quote
 * @param expectedSavingOut     expected output gained over the DEX-only baseline, null without a baseline
 * @param jupiterPriceImpactPct Jupiter's price impact as a fraction (0.01 is 1 %), null when it did not answer
 * @param reason                the router's one-line explanation
 * @param dexQuoteSource        LIVE or SIMULATED Jupiter quote behind the decision, null when Jupiter did not answer
 * @param submittedBy           who submitted the trade, as the router recorded it ({@code api-key:<key id>} or
 *                              {@code dashboard-user:<name>}); null for decisions recorded before RouteDecided v3
 */
public record RouteDecision(String tradeId, String clientOrderId, String pair, String inputSymbol,
        String outputSymbol, Route route, BigDecimal amountIn, int slippageBps, BigDecimal expectedOut,
        BigDecimal dexBaselineOut, BigDecimal expectedSavingOut, BigDecimal jupiterPriceImpactPct, String reason,
        QuoteSource dexQuoteSource, List<Leg> legs, List<Candidate> candidates, Instant decidedAt,
        String submittedBy) {

    public RouteDecision {
        legs = List.copyOf(legs);
        candidates = List.copyOf(candidates);
    }

    /** One chosen leg: input sent to a venue, the output expected and the least it may return. */
    public record Leg(String legId, Venue venue, String poolId, BigDecimal amountIn, BigDecimal expectedOut,
            BigDecimal minOut) {
    }

    /** One alternative the router considered; {@code out} is null when the venue could not quote. */
    public record Candidate(String label, Route route, boolean available, BigDecimal out, String reason) {
    }
}
