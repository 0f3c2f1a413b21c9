package io.otcrouter.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.LegStatus;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.ledger.LedgerFixtures;

class SettlementMetricsTest {

    @Test
    void shouldCountASplitAsAnOtcTradeAndRecordRatiosAsPercent() {
        RouteDecided split = RouteDecided.newBuilder(LedgerFixtures.otcDecision("t-split")).setRoute(Route.SPLIT)
                .build();
        Trade trade = settled(split, LegStatus.FILLED);

        Map<String, BigDecimal> metrics = byName(SettlementMetrics.of(trade));

        assertThat(metrics).containsOnlyKeys("trade_volume", "slippage", "jupiter_slippage", "cost_savings",
                "otc_trade", "settle_latency_ms");
        assertThat(metrics.get("otc_trade")).isEqualByComparingTo("1");
        assertThat(metrics.get("trade_volume")).isEqualByComparingTo("150000");
        assertThat(metrics.get("cost_savings")).isEqualByComparingTo("625");
        assertThat(metrics.get("slippage")).isEqualByComparingTo("0");
        // Jupiter's priceImpactPct is a fraction: 0.0042 is 0.42 %.
        assertThat(metrics.get("jupiter_slippage")).isEqualByComparingTo("0.42");
        assertThat(metrics.get("settle_latency_ms")).isEqualByComparingTo("1500");
    }

    @Test
    void shouldRecordOnlyLatencyForAFailedTrade() {
        Trade trade = settled(LedgerFixtures.otcDecision("t-failed"), LegStatus.REJECTED);

        assertThat(byName(SettlementMetrics.of(trade))).containsOnlyKeys("settle_latency_ms");
    }

    private static Trade settled(RouteDecided decision, LegStatus legStatus) {
        Trade trade = Trade.decided(decision, decision.getOccurredAt());
        LegOutcome leg = new LegOutcome(legStatus, LedgerFixtures.THOUSAND_SOL,
                legStatus == LegStatus.FILLED ? LedgerFixtures.OTC_OUT : BigInteger.ZERO);
        trade.settle(SettlementCalculator.settle(trade.terms(), List.of(leg)),
                decision.getOccurredAt().plusMillis(1500));
        return trade;
    }

    private static Map<String, BigDecimal> byName(List<SystemMetric> metrics) {
        return metrics.stream().collect(Collectors.toMap(SystemMetric::getName, SystemMetric::getValue));
    }
}
