package io.otcrouter.dashboard.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.otcrouter.dashboard.readmodel.PoolProjection;
import io.otcrouter.dashboard.readmodel.PriceProjection;
import io.otcrouter.dashboard.readmodel.RouteDecisionProjection;
import io.otcrouter.dashboard.readmodel.SettlementProjection;
import io.otcrouter.dashboard.readmodel.TradeAnalyticsReadModel;
import io.otcrouter.dashboard.readmodel.TradeStatsReadModel;

/**
 * The in-memory read model: plain objects, filled by the listeners, read by the controllers. Aggregates over every
 * trade, details only for a bounded window of recent trades. A {@code *Projection} applies one topic's events
 * itself; a {@code *ReadModel} is a part that {@link SettlementProjection} feeds. (The JSON bodies made from them are
 * the API's {@code *View}s, as in every other service.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadModelProperties.class)
class ReadModelConfig {

    /** How many trades the size-against-slippage chart shows. */
    private static final int SIZE_POINTS = 500;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TradeStatsReadModel tradeStatsReadModel(Clock clock) {
        return new TradeStatsReadModel(clock);
    }

    @Bean
    TradeAnalyticsReadModel tradeAnalyticsReadModel() {
        return new TradeAnalyticsReadModel(SIZE_POINTS);
    }

    @Bean
    SettlementProjection settlementProjection(TradeStatsReadModel tradeStatsReadModel,
            TradeAnalyticsReadModel tradeAnalyticsReadModel, ReadModelProperties properties) {
        return new SettlementProjection(tradeStatsReadModel, tradeAnalyticsReadModel, properties.recentTrades());
    }

    @Bean
    PriceProjection priceProjection() {
        return new PriceProjection();
    }

    /**
     * The latest decisions, as many as the settlement window: a trade in it finds its decision, unless it settled
     * long after it was decided (a timed-out leg) and is among the oldest of the window.
     */
    @Bean
    RouteDecisionProjection routeDecisionProjection(ReadModelProperties properties) {
        return new RouteDecisionProjection(properties.recentTrades());
    }

    @Bean
    PoolProjection poolProjection() {
        return new PoolProjection();
    }
}
