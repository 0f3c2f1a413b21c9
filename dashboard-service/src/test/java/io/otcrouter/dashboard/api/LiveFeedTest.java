package io.otcrouter.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.dashboard.view.PoolView;
import io.otcrouter.dashboard.view.PriceView;
import io.otcrouter.dashboard.view.RouteDecisionView;
import io.otcrouter.dashboard.view.SettlementProjection;
import io.otcrouter.dashboard.view.TradeAnalyticsView;
import io.otcrouter.dashboard.view.TradeStatsView;

class LiveFeedTest {

    private static final int KEPT = 10;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LiveFeed liveFeed = new LiveFeed(emptyReadModel(), registry);

    @Test
    void shouldReportHowManyPagesHoldALiveStreamOpen() {
        assertThat(clients()).isZero();

        liveFeed.subscribe();
        liveFeed.subscribe();
        assertThat(clients()).isEqualTo(2);

        liveFeed.closeStreams();
        assertThat(clients()).isZero();
    }

    private double clients() {
        return registry.get(LiveFeed.CLIENTS_METRIC).gauge().value();
    }

    private static ReadModelPayloads emptyReadModel() {
        TradeStatsView stats = new TradeStatsView(Clock.systemUTC());
        TradeAnalyticsView analytics = new TradeAnalyticsView(KEPT);
        return new ReadModelPayloads(stats, analytics, new SettlementProjection(stats, analytics, KEPT),
                new RouteDecisionView(KEPT), new PriceView(), new PoolView());
    }
}
