package io.otcrouter.dashboard.view;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.otcrouter.events.Route;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;

/**
 * The settled-trades part of the read model: running totals (all time and per UTC day), counts by route and
 * status, and a bounded window of the most recent trades. Only {@link TradeSettled} feeds it, since it carries
 * everything the figures need, so a settlement that overtakes its {@code RouteDecided} is fine.
 *
 * <p>Duplicates: the ledger settles a trade once, but Kafka may redeliver and a replay may meet the same record
 * twice; the first {@code TradeSettled} of a tradeId counts, any later one for that tradeId changes nothing.
 * Order: totals are sums, so arrival order does not matter; the window is sorted by {@code settledAt}.
 *
 * <p>Thread-safe: every method holds the instance lock, and readers get immutable snapshots.
 */
public final class TradeStatsView {

    private static final Comparator<SettledTrade> NEWEST_FIRST = Comparator
            .comparing(SettledTrade::settledAt).reversed()
            .thenComparing(SettledTrade::tradeId);

    private final Clock clock;
    private final int recentCapacity;
    /** Every tradeId ever counted (ids only, a few bytes a trade), for the duplicate check. */
    private final Set<String> countedTradeIds = new HashSet<>();
    private final NavigableSet<SettledTrade> recent = new TreeSet<>(NEWEST_FIRST);
    /** One small entry per UTC day with trades. */
    private final Map<LocalDate, PeriodTotals> byDay = new HashMap<>();
    private final Map<Route, Long> byRoute = new EnumMap<>(Route.class);
    private final Map<TradeStatus, Long> byStatus = new EnumMap<>(TradeStatus.class);
    private PeriodTotals total = PeriodTotals.empty();

    public TradeStatsView(Clock clock, int recentCapacity) {
        if (recentCapacity < 1) {
            throw new IllegalArgumentException("recentCapacity must be positive: " + recentCapacity);
        }
        this.clock = clock;
        this.recentCapacity = recentCapacity;
    }

    /**
     * Counts a settlement once.
     *
     * @return false when this trade had already been counted
     */
    public synchronized boolean apply(TradeSettled event) {
        if (!countedTradeIds.add(event.getTradeId())) {
            return false;
        }
        SettledTrade trade = toSettledTrade(event);
        total = total.plus(trade);
        byDay.merge(utcDay(trade), PeriodTotals.empty().plus(trade), (existing, ignored) -> existing.plus(trade));
        byRoute.merge(trade.route(), 1L, Long::sum);
        byStatus.merge(trade.status(), 1L, Long::sum);
        recent.add(trade);
        if (recent.size() > recentCapacity) {
            recent.pollLast();
        }
        return true;
    }

    public synchronized TradeStats stats() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<Route, Long> routes = new EnumMap<>(Route.class);
        for (Route route : Route.values()) {
            routes.put(route, byRoute.getOrDefault(route, 0L));
        }
        Map<TradeStatus, Long> statuses = new EnumMap<>(TradeStatus.class);
        for (TradeStatus status : TradeStatus.values()) {
            statuses.put(status, byStatus.getOrDefault(status, 0L));
        }
        return new TradeStats(total, today, byDay.getOrDefault(today, PeriodTotals.empty()),
                Map.copyOf(routes), Map.copyOf(statuses));
    }

    /** Totals per UTC day with trades, oldest first. */
    public synchronized SortedMap<LocalDate, PeriodTotals> daily() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(byDay));
    }

    /** The most recent settled trades, newest first, at most {@code limit} (and at most the window size). */
    public synchronized List<SettledTrade> recent(int limit) {
        return recent.stream().limit(Math.max(0, limit)).toList();
    }

    private static LocalDate utcDay(SettledTrade trade) {
        return LocalDate.ofInstant(trade.settledAt(), ZoneOffset.UTC);
    }

    static SettledTrade toSettledTrade(TradeSettled event) {
        BigInteger amountIn = event.getAmountIn().toBigIntegerExact();
        BigInteger filledIn = event.getFilledInAmount().toBigIntegerExact();
        return new SettledTrade(event.getTradeId(), event.getClientOrderId(), event.getPair(),
                event.getInputSymbol(), event.getOutputSymbol(), event.getRoute(), event.getStatus(),
                TokenUnits.toUnits(amountIn, event.getInputDecimals()),
                TokenUnits.toUnits(filledIn, event.getInputDecimals()),
                TokenUnits.toUnits(event.getOutAmount().toBigIntegerExact(), event.getOutputDecimals()),
                event.getExecutionPrice(), event.getSavingUsd(),
                filledVolumeUsd(event.getVolumeUsd(), amountIn, filledIn), event.getSettledAt());
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
