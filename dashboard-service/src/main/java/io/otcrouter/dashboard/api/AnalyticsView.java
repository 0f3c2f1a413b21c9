package io.otcrouter.dashboard.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.otcrouter.dashboard.readmodel.BracketTotals;
import io.otcrouter.dashboard.readmodel.PerformanceTotals;
import io.otcrouter.dashboard.readmodel.PeriodTotals;
import io.otcrouter.dashboard.readmodel.TradeAnalytics;
import io.otcrouter.events.Route;

/**
 * {@code GET /api/analytics}: what the analytics charts and tables draw. USD figures and percentages are exact
 * JSON numbers; every {@code *Pct} is in percent (1 is 1 %), every {@code *Bps} in basis points.
 *
 * @param thresholdPct the slippage threshold drawn as a line on the size chart
 */
record AnalyticsView(Map<Route, BigDecimal> volumeUsdByRoute, List<Day> daily, List<Point> sizeVsSlippage,
        List<Bracket> brackets, Performance performance, BigDecimal thresholdPct) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SCALE = 4;

    record Day(LocalDate date, long trades, BigDecimal volumeUsd, BigDecimal savingsUsd) {
    }

    /** One trade: its size in USD and Jupiter's price impact for the full size. */
    record Point(String tradeId, BigDecimal sizeUsd, BigDecimal priceImpactPct, Route route) {
    }

    record Bracket(String label, BigDecimal minUsd, BigDecimal maxUsd, long trades, BigDecimal volumeUsd,
            BigDecimal savingsUsd, BigDecimal avgSavingUsd, BigDecimal avgPriceImpactPct,
            BigDecimal aboveThresholdPct, BigDecimal otcSharePct) {
    }

    record Performance(long trades, long filled, long partiallyFilled, long failed, BigDecimal fillRatePct,
            BigDecimal avgPriceImpactPct, BigDecimal avgSlippageVsQuoteBps, BigDecimal avgShortfallVsArrivalBps) {
    }

    static AnalyticsView from(TradeAnalytics analytics, SortedMap<LocalDate, PeriodTotals> daily) {
        return new AnalyticsView(analytics.volumeUsdByRoute(),
                daily.entrySet().stream().map(day -> new Day(day.getKey(), day.getValue().trades(),
                        day.getValue().volumeUsd(), day.getValue().savingsUsd())).toList(),
                analytics.sizePoints().stream().map(point -> new Point(point.tradeId(), point.sizeUsd(),
                        percent(point.priceImpact()), point.route())).toList(),
                analytics.brackets().stream().map(AnalyticsView::bracket).toList(),
                performance(analytics.performance()), percent(analytics.threshold()));
    }

    private static Bracket bracket(BracketTotals b) {
        return new Bracket(label(b.minUsd(), b.maxUsd()), b.minUsd(), b.maxUsd(), b.trades(), b.volumeUsd(),
                b.savingsUsd(), average(b.savingsUsd(), b.executed()),
                percent(average(b.impactSum(), b.impactQuoted())),
                share(b.aboveThreshold(), b.impactQuoted()), share(b.otcTrades(), b.executed()));
    }

    private static Performance performance(PerformanceTotals p) {
        return new Performance(p.trades(), p.filled(), p.partiallyFilled(), p.failed(),
                share(p.filled() + p.partiallyFilled(), p.trades()),
                percent(average(p.impactSum(), p.impactQuoted())), average(p.slippageSumBps(), p.slippageCount()),
                average(p.shortfallSumBps(), p.shortfallCount()));
    }

    static String label(BigDecimal min, BigDecimal max) {
        if (max == null) {
            return "≥ " + usd(min);
        }
        return min.signum() == 0 ? "< " + usd(max) : usd(min) + " – " + usd(max);
    }

    private static String usd(BigDecimal amount) {
        if (amount.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            return "$" + amount.movePointLeft(6).stripTrailingZeros().toPlainString() + "M";
        }
        if (amount.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
            return "$" + amount.movePointLeft(3).stripTrailingZeros().toPlainString() + "k";
        }
        return "$" + amount.toPlainString();
    }

    /** {@code sum / count}, null when there is nothing to average. */
    private static BigDecimal average(BigDecimal sum, long count) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), SCALE + 4, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    /** {@code part / whole} in percent with two decimals, null when there is no whole. */
    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN);
    }

    /** A fraction (0.01) as percent (1), null stays null. */
    private static BigDecimal percent(BigDecimal fraction) {
        return fraction == null ? null
                : fraction.multiply(HUNDRED).setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
