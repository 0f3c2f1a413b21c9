package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import io.otcrouter.events.Route;

/**
 * The analytics part of the read model: volume by route, size brackets with their savings and DEX slippage and
 * execution quality over every trade ever settled, and a bounded window of (size, slippage) points for the scatter
 * chart.
 *
 * <p>Fed by {@link SettlementProjection}: {@link #count} once per settlement revision (it drops duplicates, and
 * {@link #uncount}s the revision a correction supersedes), {@link #plot} for every trade of the recent window, including those a restart replays only to rebuild the window. Order: every figure is a
 * sum or a count, and the point window keeps the latest trades by {@code settledAt} whatever order they arrive in.
 * Thread-safe: every method holds the lock.
 */
public final class TradeAnalyticsReadModel {

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

    public TradeAnalyticsReadModel(int pointCapacity) {
        if (pointCapacity < 1) {
            throw new IllegalArgumentException("pointCapacity must be positive: " + pointCapacity);
        }
        this.pointCapacity = pointCapacity;
        for (int i = 0; i < BOUNDS.size(); i++) {
            brackets.add(BracketTotals.empty(BOUNDS.get(i), i + 1 < BOUNDS.size() ? BOUNDS.get(i + 1) : null));
        }
    }

    /** Adds one settled trade to the aggregates; the caller guarantees each revision is counted once. */
    synchronized void count(TradeContribution contribution) {
        add(contribution, 1);
    }

    /** Takes a counted revision back out of the aggregates: a correction replaces it. */
    synchronized void uncount(TradeContribution contribution) {
        add(contribution, -1);
    }

    private void add(TradeContribution contribution, int sign) {
        SettledTrade trade = contribution.trade();
        BigDecimal impact = contribution.priceImpact();
        volumeByRoute.merge(trade.route(), sign > 0 ? trade.volumeUsd() : trade.volumeUsd().negate(),
                BigDecimal::add);
        performance = sign > 0
                ? performance.plus(trade.status(), impact, contribution.slippageBps(), contribution.shortfallBps())
                : performance.minus(trade.status(), impact, contribution.slippageBps(), contribution.shortfallBps());
        BigDecimal sizeUsd = contribution.sizeUsd();
        if (sizeUsd == null) {
            return;
        }
        for (int i = 0; i < brackets.size(); i++) {
            BracketTotals bracket = brackets.get(i);
            if (bracket.contains(sizeUsd)) {
                brackets.set(i, sign > 0 ? bracket.plus(trade, impact, SLIPPAGE_THRESHOLD)
                        : bracket.minus(trade, impact, SLIPPAGE_THRESHOLD));
            }
        }
    }

    /**
     * Puts a recent trade on the size-against-slippage chart, if it has both; a trade already there stays once, and a
     * correction moves the point of the revision it supersedes.
     */
    synchronized void plot(TradeContribution contribution, TradeContribution superseded) {
        if (superseded != null) {
            points.remove(point(superseded));
        }
        if (contribution.sizeUsd() == null || contribution.priceImpact() == null) {
            return;
        }
        points.add(point(contribution));
        if (points.size() > pointCapacity) {
            points.pollFirst();
        }
    }

    private static SizePoint point(TradeContribution contribution) {
        SettledTrade trade = contribution.trade();
        return new SizePoint(trade.tradeId(), contribution.sizeUsd(), contribution.priceImpact(), trade.route(),
                trade.settledAt());
    }

    public synchronized TradeAnalytics analytics() {
        return new TradeAnalytics(volumes(), List.copyOf(brackets), List.copyOf(points), performance,
                SLIPPAGE_THRESHOLD);
    }

    /** The aggregates (not the points, which a restart rebuilds from the recent window), for a snapshot. */
    synchronized Totals totals() {
        return new Totals(volumes(), List.copyOf(brackets), performance);
    }

    /** Replaces the aggregates with a snapshot's. */
    synchronized void restore(Totals totals) {
        if (totals.brackets().size() != brackets.size()) {
            throw new IllegalArgumentException("a snapshot with " + totals.brackets().size() + " size brackets, not "
                    + brackets.size());
        }
        volumeByRoute.clear();
        volumeByRoute.putAll(totals.volumeUsdByRoute());
        brackets.clear();
        brackets.addAll(totals.brackets());
        performance = totals.performance();
    }

    private Map<Route, BigDecimal> volumes() {
        Map<Route, BigDecimal> volumes = new EnumMap<>(Route.class);
        for (Route route : Route.values()) {
            volumes.put(route, volumeByRoute.getOrDefault(route, BigDecimal.ZERO));
        }
        return Map.copyOf(volumes);
    }

    /** The aggregates as a snapshot keeps them. */
    public record Totals(Map<Route, BigDecimal> volumeUsdByRoute, List<BracketTotals> brackets,
            PerformanceTotals performance) {

        public Totals {
            volumeUsdByRoute = Map.copyOf(volumeUsdByRoute);
            brackets = List.copyOf(brackets);
        }
    }
}
