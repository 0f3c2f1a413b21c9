package io.otcrouter.dashboard.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.dashboard.view.PoolView;
import io.otcrouter.dashboard.view.PriceView;
import io.otcrouter.dashboard.view.RouteDecisionView;
import io.otcrouter.dashboard.view.SettlementProjection;
import io.otcrouter.dashboard.view.TradeAnalyticsView;
import io.otcrouter.dashboard.view.TradeStatsView;

/** The in-memory read model: plain objects, filled by the listeners, read by the controllers. */
@Configuration(proxyBeanMethods = false)
class ViewConfig {

    /** How many settled trades the dashboard keeps as rows; aggregates cover every trade. */
    private static final int RECENT_TRADES = 100;
    /** How many routing decisions are kept for lookups by tradeId. */
    private static final int RECENT_DECISIONS = 1_000;
    /** How many settlements are kept with their cost analysis for the trade detail page. */
    private static final int RECENT_SETTLEMENTS = 1_000;
    /** How many trades the size-against-slippage chart shows. */
    private static final int SIZE_POINTS = 500;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TradeStatsView tradeStatsView(Clock clock) {
        return new TradeStatsView(clock, RECENT_TRADES);
    }

    @Bean
    TradeAnalyticsView tradeAnalyticsView() {
        return new TradeAnalyticsView(SIZE_POINTS);
    }

    @Bean
    SettlementProjection settlementProjection(TradeStatsView tradeStatsView, TradeAnalyticsView tradeAnalyticsView) {
        return new SettlementProjection(tradeStatsView, tradeAnalyticsView, RECENT_SETTLEMENTS);
    }

    @Bean
    PriceView priceView() {
        return new PriceView();
    }

    @Bean
    RouteDecisionView routeDecisionView() {
        return new RouteDecisionView(RECENT_DECISIONS);
    }

    @Bean
    PoolView poolView() {
        return new PoolView();
    }
}
