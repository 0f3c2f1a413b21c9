package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.math.BigInteger;

import io.otcrouter.events.SettlementFigures;
import io.otcrouter.events.TradeSettled;

/**
 * What one revision of a trade's settlement adds to the aggregates: the trade as the dashboard shows it and the
 * ratios the analytics sum. A correction takes the superseded revision's contribution out ({@link #superseded}) and
 * puts its own in, so the aggregates follow the ledger without the dashboard keeping the trade.
 *
 * @param sizeUsd      requested input at the arrival reference price (the size bracket), null when unknown
 * @param priceImpact  Jupiter's price impact for the full size, a fraction, null when Jupiter did not quote
 * @param slippageBps  realized slippage against the router's quote, null when none
 * @param shortfallBps shortfall against the arrival reference price, null when none
 */
record TradeContribution(SettledTrade trade, BigDecimal sizeUsd, BigDecimal priceImpact, BigDecimal slippageBps,
        BigDecimal shortfallBps) {

    /** What this revision contributes. */
    static TradeContribution of(TradeSettled event) {
        return new TradeContribution(SettledTrade.from(event), event.getVolumeUsd(), event.getJupiterPriceImpactPct(),
                event.getSlippageVsQuoteBps(), event.getShortfallVsArrivalBps());
    }

    /**
     * What the revision this correction supersedes contributed, from the figures the correction carries; null for a
     * first settlement. What cannot change between revisions (route, requested size, Jupiter's quote) is this event's.
     *
     * @throws IllegalArgumentException when an atomic amount is not a whole number, or a correction carries no
     *                                  superseded figures: the event breaks the contract
     */
    static TradeContribution superseded(TradeSettled event) {
        SettlementFigures before = event.getSupersedes();
        if (before == null) {
            if (event.getRevision() > 1) {
                throw new IllegalArgumentException("revision " + event.getRevision() + " of the settlement of trade "
                        + event.getTradeId() + " does not carry the figures it supersedes");
            }
            return null;
        }
        BigInteger amountIn = TokenUnits.atomic(event.getAmountIn(), "amountIn");
        BigInteger filledIn = TokenUnits.atomic(before.getFilledInAmount(), "supersedes.filledInAmount");
        BigDecimal volumeUsd = before.getVolumeUsd() != null ? before.getVolumeUsd() : event.getVolumeUsd();
        SettledTrade trade = new SettledTrade(event.getTradeId(), event.getClientOrderId(), event.getPair(),
                event.getInputSymbol(), event.getOutputSymbol(), event.getRoute(), before.getStatus(),
                TokenUnits.toUnits(amountIn, event.getInputDecimals()),
                TokenUnits.toUnits(filledIn, event.getInputDecimals()),
                TokenUnits.toUnits(TokenUnits.atomic(before.getOutAmount(), "supersedes.outAmount"),
                        event.getOutputDecimals()),
                before.getExecutionPrice(), before.getSavingUsd(),
                SettledTrade.filledVolumeUsd(volumeUsd, amountIn, filledIn), before.getSettledAt());
        return new TradeContribution(trade, volumeUsd, event.getJupiterPriceImpactPct(),
                before.getSlippageVsQuoteBps(), before.getShortfallVsArrivalBps());
    }
}
