package io.otcrouter.dashboard.view;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import io.otcrouter.events.Route;
import io.otcrouter.events.TradeSettled;

/**
 * The analytics part of the read model: volume by route, size brackets with their savings and DEX slippage,
 * execution quality, and a bounded window of (size, slippage) points for the scatter chart.
 *
 * <p>Fed once per trade by {@link SettlementProjection}, which drops duplicates. Order: every figure is a sum or a
 * count, and the point window keeps the latest trades by {@code settledAt} whatever order they arrive in, so
 * replaying the same settlements in any order gives the same snapshot. Thread-safe: every method holds the lock.
 */
public final class TradeAnalyticsView {

    /** Jupiter price impact above which the original project sent large orders to OTC: 1 %. */
    public static final BigDecimal SLIPPAGE_THRESHOLD = new BigDecimal("0.01");
    /** Bracket bounds in USD: under $1k, $1k–$10k, $10k–$100k, $100k–$1M, $1M and more. */
    private static final List<BigDecimal> BOUNDS = List.of(BigDecimal.ZERO, new BigDecimal("1000"),
            new BigDecimal("10000"), new BigDecimal("100000"), new BigDecimal("1000000"));
    private static final Comparator<SizePoint> OLDEST_FIRST = Comparator.comparing(SizePoint::settledAt)
            .thenComparing(SizePoint::tradeId);

    private final int pointCapacity;
    private final Map<Route, BigDecimal> volumeByRoute = new EnumMap<>(Route.class);
    private final List<BracketTotals> brackets = new ArrayList<>();
    private final NavigableSet<SizePoint> points = new TreeSet<>(OLDEST_FIRST);
    private PerformanceTotals performance = PerformanceTotals.empty();

    public TradeAnalyticsView(int pointCapacity) {
        if (pointCapacity < 1) {
            throw new IllegalArgumentException("pointCapacity must be positive: " + pointCapacity);
        }
        this.pointCapacity = pointCapacity;
        for (int i = 0; i < BOUNDS.size(); i++) {
            brackets.add(BracketTotals.empty(BOUNDS.get(i), i + 1 < BOUNDS.size() ? BOUNDS.get(i + 1) : null));
        }
    }

    /** Adds one settled trade; the caller guarantees each trade is added once. */
    synchronized void add(SettledTrade trade, TradeSettled event) {
        BigDecimal impact = event.getJupiterPriceImpactPct();
        volumeByRoute.merge(trade.route(), trade.volumeUsd(), BigDecimal::add);
        performance = performance.plus(trade.status(), impact, event.getSlippageVsQuoteBps(),
                event.getShortfallVsArrivalBps());
        BigDecimal sizeUsd = event.getVolumeUsd();
        if (sizeUsd == null) {
            return;
        }
        for (int i = 0; i < brackets.size(); i++) {
            if (brackets.get(i).contains(sizeUsd)) {
                brackets.set(i, brackets.get(i).plus(trade, impact, SLIPPAGE_THRESHOLD));
            }
        }
        if (impact != null) {
            points.add(new SizePoint(trade.tradeId(), sizeUsd, impact, trade.route(), trade.settledAt()));
            if (points.size() > pointCapacity) {
                points.pollFirst();
            }
        }
    }

    public synchronized TradeAnalytics analytics() {
        Map<Route, BigDecimal> volumes = new EnumMap<>(Route.class);
        for (Route route : Route.values()) {
            volumes.put(route, volumeByRoute.getOrDefault(route, BigDecimal.ZERO));
        }
        return new TradeAnalytics(Map.copyOf(volumes), List.copyOf(brackets), List.copyOf(points), performance,
                SLIPPAGE_THRESHOLD);
    }
}
