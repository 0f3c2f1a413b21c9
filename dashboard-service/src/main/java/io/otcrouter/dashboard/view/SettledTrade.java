package io.otcrouter.dashboard.view;

import java.math.BigDecimal;
import java.time.Instant;

import io.otcrouter.events.Route;
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

    /** Whether any input was traded: failed trades count as trades but add no volume and no route share. */
    public boolean executed() {
        return status != TradeStatus.FAILED;
    }

    /** OTC share counts trades that sent flow to a pool: all-OTC and split routes. */
    public boolean touchedOtc() {
        return route == Route.OTC || route == Route.SPLIT;
    }
}
