package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.otcrouter.events.Route;

/**
 * Aggregates over a period (all time or one UTC day).
 *
 * @param trades     settled trades, whatever their status
 * @param volumeUsd  sum of filled volume in USD
 * @param savingsUsd sum of realized savings against DEX-only in USD
 * @param otcTrades  executed trades routed to OTC or split
 * @param dexTrades  executed trades routed to the DEX only
 */
public record PeriodTotals(long trades, BigDecimal volumeUsd, BigDecimal savingsUsd, long otcTrades,
        long dexTrades) {

    static final int USD_SCALE = 6;
    private static final int PCT_SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static PeriodTotals empty() {
        BigDecimal zero = BigDecimal.ZERO.setScale(USD_SCALE);
        return new PeriodTotals(0, zero, zero, 0, 0);
    }

    /** Share of executed trades that used an OTC pool, in percent with two decimals; zero before any trade. */
    public BigDecimal otcSharePct() {
        long routed = otcTrades + dexTrades;
        if (routed == 0) {
            return BigDecimal.ZERO.setScale(PCT_SCALE);
        }
        return BigDecimal.valueOf(otcTrades).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(routed), PCT_SCALE, RoundingMode.HALF_EVEN);
    }

    PeriodTotals plus(SettledTrade trade) {
        return add(trade, 1);
    }

    /** Takes a trade's contribution back out: a correction replaces it. */
    PeriodTotals minus(SettledTrade trade) {
        return add(trade, -1);
    }

    private PeriodTotals add(SettledTrade trade, int sign) {
        boolean executed = trade.executed();
        BigDecimal saving = executed && trade.savingUsd() != null ? trade.savingUsd() : BigDecimal.ZERO;
        BigDecimal signed = BigDecimal.valueOf(sign);
        return new PeriodTotals(trades + sign,
                volumeUsd.add(trade.volumeUsd().multiply(signed)).setScale(USD_SCALE, RoundingMode.HALF_EVEN),
                savingsUsd.add(saving.multiply(signed)).setScale(USD_SCALE, RoundingMode.HALF_EVEN),
                otcTrades + (executed && trade.touchedOtc() ? sign : 0),
                dexTrades + (executed && trade.route() == Route.DEX ? sign : 0));
    }
}
