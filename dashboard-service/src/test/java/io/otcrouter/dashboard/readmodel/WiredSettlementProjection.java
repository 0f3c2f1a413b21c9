package io.otcrouter.dashboard.readmodel;

import java.time.Clock;

import io.otcrouter.events.TradeSettled;

/** The settlement part of the read model as ReadModelConfig wires it, fed as its listener would feed it. */
final class WiredSettlementProjection {

    final TradeStatsReadModel stats;
    final TradeAnalyticsReadModel analytics;
    final SettlementProjection settlements;
    final SettlementFeed feed;

    /**
     * @param clock      what "today" is for the stats
     * @param sizePoints how many trades the size-against-slippage chart keeps
     * @param window     how many recent trades the projection keeps
     */
    WiredSettlementProjection(Clock clock, int sizePoints, int window) {
        stats = new TradeStatsReadModel(clock);
        analytics = new TradeAnalyticsReadModel(sizePoints);
        settlements = new SettlementProjection(stats, analytics, window);
        feed = new SettlementFeed(settlements);
    }

    void publish(TradeSettled event) {
        feed.publish(event);
    }
}
