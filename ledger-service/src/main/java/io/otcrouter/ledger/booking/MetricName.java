package io.otcrouter.ledger.booking;

import java.util.Locale;

/** The system_metrics names: the original project's six plus settle_latency_ms. */
public enum MetricName {
    /** Input amount at the arrival price, USD. */
    TRADE_VOLUME,
    /** Realized output vs the router's expected output, percent (positive = less than expected). */
    SLIPPAGE,
    /** Jupiter's quoted price impact for the full size, percent. */
    JUPITER_SLIPPAGE,
    /** Realized saving vs DEX-only, USD. */
    COST_SAVINGS,
    /** 1 per settled trade routed (fully or partly, SPLIT) to an OTC pool. */
    OTC_TRADE,
    /** 1 per settled trade routed only to the DEX. */
    DEX_TRADE,
    /** Decision to settlement, milliseconds. */
    SETTLE_LATENCY_MS;

    public String metricName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
