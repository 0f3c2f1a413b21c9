package io.otcrouter.ledger.api;

import java.math.BigDecimal;
import java.time.Instant;

import io.otcrouter.ledger.booking.Trade;

/**
 * One trade as the ledger API shows it. Decimals are strings (exact); amounts carry atomic and token units.
 * {@code submittedBy} is who submitted it ("api-key:&lt;key id&gt;" or "dashboard-user:&lt;name&gt;"), null for
 * trades decided before the router recorded it. {@code revision} counts the settlements published for it: 0 while
 * pending, 1 once settled, one more for each correction by a leg booked after it settled.
 */
public record TradeView(String tradeId, String clientOrderId, String submittedBy, String route, String status, String pair,
        String inputSymbol, String inputMint, int inputDecimals, String outputSymbol, String outputMint,
        int outputDecimals, AmountView amountIn, AmountView filledInAmount, AmountView outAmount,
        AmountView expectedOutAmount, AmountView dexBaselineOutAmount, AmountView savingOutAmount, String savingUsd,
        String volumeUsd, String executionPrice, String slippageVsQuoteBps, String shortfallVsArrivalBps,
        String jupiterPriceImpactPct, String inputPriceUsd, String outputPriceUsd, int legsExpected,
        Instant decidedAt, Instant settledAt, int revision) {

    static TradeView of(Trade t) {
        int in = t.getInputDecimals();
        int out = t.getOutputDecimals();
        return new TradeView(t.getTradeId(), t.getClientOrderId(), t.getSubmittedBy(), t.getRoute().name(), t.getStatus().name(),
                t.getPair(), t.getInputSymbol(), t.getInputMint(), in, t.getOutputSymbol(), t.getOutputMint(), out,
                AmountView.of(t.getAmountIn(), in), AmountView.of(t.getFilledInAmount(), in),
                AmountView.of(t.getOutAmount(), out), AmountView.of(t.getExpectedOutAmount(), out),
                AmountView.of(t.getDexBaselineOutAmount(), out), AmountView.of(t.getSavingOutAmount(), out),
                text(t.getSavingUsd()), text(t.getVolumeUsd()), text(t.getExecutionPrice()),
                text(t.getSlippageVsQuoteBps()), text(t.getShortfallVsArrivalBps()),
                text(t.getJupiterPriceImpactPct()), text(t.getInputPriceUsd()), text(t.getOutputPriceUsd()),
                t.getLegsExpected(), t.getDecidedAt(), t.getSettledAt(), t.getRevision());
    }

    static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
