package io.otcrouter.ledger.booking;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.otcrouter.events.Route;

/**
 * The system_metrics rows a settled trade contributes. A value that is unknown is not recorded, and a FAILED trade
 * contributes only its latency: nothing traded, so it adds no volume and counts as neither an OTC nor a DEX trade.
 */
final class SettlementMetrics {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SettlementMetrics() {
    }

    static List<SystemMetric> of(Trade trade) {
        List<SystemMetric> metrics = new ArrayList<>();
        long latencyMs = Duration.between(trade.getDecidedAt(), trade.getSettledAt()).toMillis();
        add(metrics, trade, MetricName.SETTLE_LATENCY_MS, BigDecimal.valueOf(Math.max(latencyMs, 0)));
        if (trade.getStatus() == TradeState.FAILED) {
            return metrics;
        }
        add(metrics, trade, MetricName.TRADE_VOLUME, trade.getVolumeUsd());
        add(metrics, trade, MetricName.SLIPPAGE,
                trade.getSlippageVsQuoteBps() == null ? null : trade.getSlippageVsQuoteBps().movePointLeft(2));
        add(metrics, trade, MetricName.JUPITER_SLIPPAGE,
                trade.getJupiterPriceImpactPct() == null ? null : trade.getJupiterPriceImpactPct().multiply(HUNDRED));
        add(metrics, trade, MetricName.COST_SAVINGS, trade.getSavingUsd());
        if (trade.getRoute() == Route.OTC || trade.getRoute() == Route.SPLIT) {
            add(metrics, trade, MetricName.OTC_TRADE, BigDecimal.ONE);
        } else if (trade.getRoute() == Route.DEX) {
            add(metrics, trade, MetricName.DEX_TRADE, BigDecimal.ONE);
        }
        return metrics;
    }

    private static void add(List<SystemMetric> metrics, Trade trade, MetricName name, BigDecimal value) {
        if (value != null) {
            metrics.add(new SystemMetric(name, value, trade.getSettledAt(), trade.getTradeId()));
        }
    }
}
