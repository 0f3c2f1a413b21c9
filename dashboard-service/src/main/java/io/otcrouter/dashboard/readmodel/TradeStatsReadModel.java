package io.otcrouter.dashboard.readmodel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.otcrouter.events.Route;
import io.otcrouter.events.TradeStatus;

/**
 * The trade aggregates of the read model: running totals (all time and per UTC day) and counts by route and status,
 * over every trade ever settled. Fed once per settlement revision by {@link SettlementProjection}, which drops
 * duplicates and takes a corrected revision out before adding its correction; every figure is a sum, so arrival order
 * does not matter. Its memory is one small entry per UTC day with trades and a few
 * counters, whatever the number of trades.
 *
 * <p>Thread-safe: every method holds the instance lock, and readers get immutable snapshots.
 */
public final class TradeStatsReadModel {

    private final Clock clock;
    private final Map<LocalDate, PeriodTotals> byDay = new HashMap<>();
    private final Map<Route, Long> byRoute = new EnumMap<>(Route.class);
    private final Map<TradeStatus, Long> byStatus = new EnumMap<>(TradeStatus.class);
    private PeriodTotals total = PeriodTotals.empty();

    public TradeStatsReadModel(Clock clock) {
        this.clock = clock;
    }

    /** Counts one settled trade; the caller guarantees each trade is counted once. */
    synchronized void add(SettledTrade trade) {
        total = total.plus(trade);
        byDay.merge(LocalDate.ofInstant(trade.settledAt(), ZoneOffset.UTC), PeriodTotals.empty().plus(trade),
                (existing, ignored) -> existing.plus(trade));
        byRoute.merge(trade.route(), 1L, Long::sum);
        byStatus.merge(trade.status(), 1L, Long::sum);
    }

    /**
     * Takes a counted settlement back out, from the day it was counted in: a correction replaces it (and is then
     * added). A day left without trades is dropped.
     */
    synchronized void remove(SettledTrade trade) {
        total = total.minus(trade);
        LocalDate day = LocalDate.ofInstant(trade.settledAt(), ZoneOffset.UTC);
        PeriodTotals left = byDay.getOrDefault(day, PeriodTotals.empty()).minus(trade);
        if (left.trades() == 0 && left.volumeUsd().signum() == 0 && left.savingsUsd().signum() == 0) {
            byDay.remove(day);
        } else {
            byDay.put(day, left);
        }
        byRoute.merge(trade.route(), -1L, Long::sum);
        byStatus.merge(trade.status(), -1L, Long::sum);
    }

    public synchronized TradeStats stats() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return new TradeStats(total, today, byDay.getOrDefault(today, PeriodTotals.empty()),
                everyKey(Route.values(), byRoute), everyKey(TradeStatus.values(), byStatus));
    }

    /** Totals per UTC day with trades, oldest first. */
    public synchronized SortedMap<LocalDate, PeriodTotals> daily() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(byDay));
    }

    /** Everything this read model holds, for a snapshot. */
    synchronized Totals totals() {
        return new Totals(total, new TreeMap<>(byDay), everyKey(Route.values(), byRoute),
                everyKey(TradeStatus.values(), byStatus));
    }

    /** Replaces the figures with a snapshot's. */
    synchronized void restore(Totals totals) {
        total = totals.total();
        byDay.clear();
        byDay.putAll(totals.byDay());
        byRoute.clear();
        byRoute.putAll(totals.byRoute());
        byStatus.clear();
        byStatus.putAll(totals.byStatus());
    }

    private static <K extends Enum<K>> Map<K, Long> everyKey(K[] keys, Map<K, Long> counts) {
        Map<K, Long> all = new HashMap<>();
        for (K key : keys) {
            all.put(key, counts.getOrDefault(key, 0L));
        }
        return Map.copyOf(all);
    }

    /** The aggregates as a snapshot keeps them. */
    public record Totals(PeriodTotals total, SortedMap<LocalDate, PeriodTotals> byDay, Map<Route, Long> byRoute,
            Map<TradeStatus, Long> byStatus) {

        public Totals {
            byDay = Collections.unmodifiableSortedMap(new TreeMap<>(byDay));
            byRoute = Map.copyOf(byRoute);
            byStatus = Map.copyOf(byStatus);
        }
    }
}
