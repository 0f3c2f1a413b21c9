package io.otcrouter.ledger.api;

import java.time.Instant;

import io.otcrouter.ledger.booking.TradeLeg;

/** One executed leg; amounts in the trade's input (in) and output (out) tokens. */
public record LegView(String legId, String venue, String poolId, String quoteId, String status, String reason,
        AmountView inAmount, AmountView outAmount, String executionPrice, Instant executedAt) {

    static LegView of(TradeLeg leg, int inputDecimals, int outputDecimals) {
        return new LegView(leg.getLegId(), leg.getVenue().name(), leg.getPoolId(), leg.getQuoteId(),
                leg.getStatus().name(), leg.getReason(), AmountView.of(leg.getInAmount(), inputDecimals),
                AmountView.of(leg.getOutAmount(), outputDecimals), TradeView.text(leg.getExecutionPrice()),
                leg.getExecutedAt());
    }
}
