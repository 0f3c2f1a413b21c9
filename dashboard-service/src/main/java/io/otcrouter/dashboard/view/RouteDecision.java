package io.otcrouter.dashboard.view;

import java.math.BigDecimal;
import java.time.Instant;

import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.Route;

/**
 * The router's decision for one trade, in token units.
 *
 * @param dexBaselineOut what everything-to-Jupiter would have returned, null when Jupiter could not quote
 * @param reason         the router's one-line explanation
 * @param dexQuoteSource LIVE or SIMULATED Jupiter quote behind the decision, null when Jupiter did not answer
 */
public record RouteDecision(String tradeId, String clientOrderId, String pair, Route route, BigDecimal amountIn,
        BigDecimal expectedOut, BigDecimal dexBaselineOut, String reason, QuoteSource dexQuoteSource,
        Instant decidedAt) {
}
