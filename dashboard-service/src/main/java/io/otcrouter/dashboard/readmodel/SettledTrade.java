package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;

import io.otcrouter.events.Route;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;

/**
 * One settled trade as the dashboard shows it. Amounts are token units (exact), not atomic units.
 *
 * @param executionPrice output token units per input token unit, or null
 * @param savingUsd      realized saving against DEX-only, or null when the ledger could not value it
 * @param volumeUsd      filled input at the arrival reference price (zero when nothing filled)
 */
public record SettledTrade(String tradeId, String clientOrderId, String pair, String inputSymbol,
        String outputSymbol, Route route, TradeStatus status, BigDecimal amountIn, BigDecimal filledIn,
        BigDecimal outAmount, BigDecimal executionPrice, BigDecimal savingUsd, BigDecimal volumeUsd,
        Instant settledAt) {

    /**
     * The trade a settlement describes.
     *
     * @throws IllegalArgumentException when an atomic amount is not a whole number: the event breaks the contract
     *                                  and can never be projected (its record goes to the dead-letter topic)
     */
    static SettledTrade from(TradeSettled event) {
        BigInteger amountIn = TokenUnits.atomic(event.getAmountIn(), "amountIn");
        BigInteger filledIn = TokenUnits.atomic(event.getFilledInAmount(), "filledInAmount");
        return new SettledTrade(event.getTradeId(), event.getClientOrderId(), event.getPair(),
                event.getInputSymbol(), event.getOutputSymbol(), event.getRoute(), event.getStatus(),
                TokenUnits.toUnits(amountIn, event.getInputDecimals()),
                TokenUnits.toUnits(filledIn, event.getInputDecimals()),
                TokenUnits.toUnits(TokenUnits.atomic(event.getOutAmount(), "outAmount"), event.getOutputDecimals()),
                event.getExecutionPrice(), event.getSavingUsd(),
                filledVolumeUsd(event.getVolumeUsd(), amountIn, filledIn), event.getSettledAt());
    }

    /** Whether any input was traded: failed trades count as trades but add no volume and no route share. */
    public boolean executed() {
        return status != TradeStatus.FAILED;
    }

    /** OTC share counts trades that sent flow to a pool: all-OTC and split routes. */
    public boolean touchedOtc() {
        return route == Route.OTC || route == Route.SPLIT;
    }

    /**
     * {@code volumeUsd} values the whole requested input; a partial fill only traded {@code filledIn} of it,
     * and a failed trade none.
     */
    static BigDecimal filledVolumeUsd(BigDecimal volumeUsd, BigInteger amountIn, BigInteger filledIn) {
        if (volumeUsd == null || amountIn.signum() == 0 || filledIn.signum() == 0) {
            return BigDecimal.ZERO.setScale(PeriodTotals.USD_SCALE);
        }
        if (filledIn.equals(amountIn)) {
            return volumeUsd.setScale(PeriodTotals.USD_SCALE, RoundingMode.HALF_EVEN);
        }
        return volumeUsd.multiply(new BigDecimal(filledIn), MathContext.DECIMAL128)
                .divide(new BigDecimal(amountIn), MathContext.DECIMAL128)
                .setScale(PeriodTotals.USD_SCALE, RoundingMode.HALF_EVEN);
    }
}
