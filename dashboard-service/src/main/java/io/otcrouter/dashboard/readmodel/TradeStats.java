package io.otcrouter.dashboard.readmodel;

import java.time.LocalDate;
import java.util.Map;

import io.otcrouter.events.Route;
import io.otcrouter.events.TradeStatus;

/**
 * A consistent snapshot of the trade aggregates.
 *
 * @param today      the current UTC day
 * @param todayTotals trades settled on that day (by {@code settledAt})
 * @param byRoute    settled trades per route, every route present
 * @param byStatus   settled trades per status, every status present
 */
public record TradeStats(PeriodTotals total, LocalDate today, PeriodTotals todayTotals, Map<Route, Long> byRoute,
        Map<TradeStatus, Long> byStatus) {
}
