package io.otcrouter.dashboard.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import io.otcrouter.dashboard.readmodel.PeriodTotals;
import io.otcrouter.dashboard.readmodel.TradeStats;
import io.otcrouter.events.Route;
import io.otcrouter.events.TradeStatus;

/** {@code GET /api/stats}: USD figures and percentages are exact JSON numbers (from BigDecimal). */
record StatsView(long totalTrades, BigDecimal totalVolumeUsd, BigDecimal totalSavingsUsd, long otcTrades,
        long dexTrades, BigDecimal otcSharePct, Today today, Map<Route, Long> byRoute,
        Map<TradeStatus, Long> byStatus) {

    /** Trades settled on the current UTC day. */
    record Today(LocalDate date, long trades, BigDecimal volumeUsd, BigDecimal savingsUsd, long otcTrades,
            long dexTrades, BigDecimal otcSharePct) {
    }

    static StatsView from(TradeStats stats) {
        PeriodTotals total = stats.total();
        PeriodTotals day = stats.todayTotals();
        return new StatsView(total.trades(), total.volumeUsd(), total.savingsUsd(), total.otcTrades(),
                total.dexTrades(), total.otcSharePct(),
                new Today(stats.today(), day.trades(), day.volumeUsd(), day.savingsUsd(), day.otcTrades(),
                        day.dexTrades(), day.otcSharePct()),
                stats.byRoute(), stats.byStatus());
    }
}
