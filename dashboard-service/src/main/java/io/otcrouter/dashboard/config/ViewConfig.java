package io.otcrouter.dashboard.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.dashboard.view.PoolView;
import io.otcrouter.dashboard.view.PriceView;
import io.otcrouter.dashboard.view.RouteDecisionView;
import io.otcrouter.dashboard.view.SettlementProjection;
import io.otcrouter.dashboard.view.TradeAnalyticsView;
import io.otcrouter.dashboard.view.TradeStatsView;

/**
 * The in-memory read model: plain objects, filled by the listeners, read by the controllers. Aggregates over every
 * trade, details only for a bounded window of recent trades.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadModelProperties.class)
class ViewConfig {

    /** How many trades the size-against-slippage chart shows. */
    private static final int SIZE_POINTS = 500;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TradeStatsView tradeStatsView(Clock clock) {
        return new TradeStatsView(clock);
    }

    @Bean
    TradeAnalyticsView tradeAnalyticsView() {
        return new TradeAnalyticsView(SIZE_POINTS);
    }

    @Bean
    SettlementProjection settlementProjection(TradeStatsView tradeStatsView, TradeAnalyticsView tradeAnalyticsView,
            ReadModelProperties properties) {
        return new SettlementProjection(tradeStatsView, tradeAnalyticsView, properties.recentTrades());
    }

    @Bean
    PriceView priceView() {
        return new PriceView();
    }

    /**
     * The latest decisions, as many as the settlement window: a trade in it finds its decision, unless it settled
     * long after it was decided (a timed-out leg) and is among the oldest of the window.
     */
    @Bean
    RouteDecisionView routeDecisionView(ReadModelProperties properties) {
        return new RouteDecisionView(properties.recentTrades());
    }

    @Bean
    PoolView poolView() {
        return new PoolView();
    }
}
