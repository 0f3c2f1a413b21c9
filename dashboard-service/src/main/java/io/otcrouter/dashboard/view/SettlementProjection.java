package io.otcrouter.dashboard.view;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

import io.otcrouter.events.TradeSettled;

/**
 * Projects each {@link TradeSettled} into the figures (totals, analytics) and the bounded per-trade details.
 *
 * <p>Duplicates: {@link TradeStatsView} remembers every counted tradeId, so a redelivered or replayed settlement
 * is dropped before it reaches the analytics or the details; out-of-order settlements are fine because every
 * figure is a sum and every window is sorted by {@code settledAt}. Thread-safe: every method holds the lock.
 */
public final class SettlementProjection {

    private final TradeStatsView stats;
    private final TradeAnalyticsView analytics;
    private final int detailCapacity;
    private final Map<String, SettlementDetail> details = new HashMap<>();
    /** The same details, oldest settlement first, so the window keeps the latest trades in any arrival order. */
    private final NavigableSet<SettlementDetail> byAge = new TreeSet<>(Comparator
            .comparing((SettlementDetail detail) -> detail.trade().settledAt())
            .thenComparing(detail -> detail.trade().tradeId()));

    public SettlementProjection(TradeStatsView stats, TradeAnalyticsView analytics, int detailCapacity) {
        if (detailCapacity < 1) {
            throw new IllegalArgumentException("detailCapacity must be positive: " + detailCapacity);
        }
        this.stats = stats;
        this.analytics = analytics;
        this.detailCapacity = detailCapacity;
    }

    /** @return false when this trade had already been settled in the read model */
    public synchronized boolean apply(TradeSettled event) {
        if (!stats.apply(event)) {
            return false;
        }
        SettledTrade trade = TradeStatsView.toSettledTrade(event);
        analytics.add(trade, event);
        int out = event.getOutputDecimals();
        SettlementDetail detail = new SettlementDetail(trade, units(event.getExpectedOutAmount(), out),
                units(event.getDexBaselineOutAmount(), out), units(event.getSavingOutAmount(), out),
                event.getSlippageVsQuoteBps(), event.getShortfallVsArrivalBps(), event.getJupiterPriceImpactPct(),
                event.getDecidedAt());
        details.put(trade.tradeId(), detail);
        byAge.add(detail);
        if (byAge.size() > detailCapacity) {
            details.remove(byAge.pollFirst().trade().tradeId());
        }
        return true;
    }

    /** The settlement of a recent trade (the window keeps the latest settled ones). */
    public synchronized Optional<SettlementDetail> detail(String tradeId) {
        return Optional.ofNullable(details.get(tradeId));
    }

    private static BigDecimal units(BigDecimal atomic, int decimals) {
        return atomic == null ? null : TokenUnits.toUnits(atomic.toBigIntegerExact(), decimals);
    }
}
