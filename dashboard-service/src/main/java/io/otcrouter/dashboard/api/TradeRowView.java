package io.otcrouter.dashboard.api;

import java.math.BigDecimal;
import java.time.Instant;

import io.otcrouter.dashboard.readmodel.RouteDecision;
import io.otcrouter.dashboard.readmodel.SettledTrade;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.Route;
import io.otcrouter.events.TradeStatus;

/**
 * One row of {@code GET /api/trades}. Token amounts and the execution price are exact decimal strings in token
 * units (a JSON number would be read as a double by the browser); {@code clientOrderId} is returned verbatim,
 * escaping it is the page's job.
 *
 * @param reason         the router's explanation, null until its RouteDecided has been seen
 * @param dexQuoteSource LIVE or SIMULATED, so a simulated Jupiter quote is never shown as a real one
 * @param submittedBy    who submitted the trade ({@code api-key:<id>} or {@code dashboard-user:<name>}), verbatim;
 *                       null until its RouteDecided has been seen, or when the router did not record it (before v3)
 */
record TradeRowView(String tradeId, String clientOrderId, String pair, String inputSymbol, String outputSymbol,
        Route route, TradeStatus status, String amountIn, String outAmount, String executionPrice,
        BigDecimal savingUsd, BigDecimal volumeUsd, Instant settledAt, String reason,
        QuoteSource dexQuoteSource, String submittedBy) {

    static TradeRowView from(SettledTrade trade, RouteDecision decision) {
        return new TradeRowView(trade.tradeId(), trade.clientOrderId(), trade.pair(), trade.inputSymbol(),
                trade.outputSymbol(), trade.route(), trade.status(), trade.amountIn().toPlainString(),
                trade.outAmount().toPlainString(), plain(trade.executionPrice()), trade.savingUsd(),
                trade.volumeUsd(), trade.settledAt(), decision == null ? null : decision.reason(),
                decision == null ? null : decision.dexQuoteSource(), decision == null ? null : decision.submittedBy());
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
