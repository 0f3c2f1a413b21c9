package io.otcrouter.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.otcrouter.dashboard.readmodel.PoolProjection;
import io.otcrouter.dashboard.readmodel.PriceProjection;
import io.otcrouter.dashboard.readmodel.RouteDecisionProjection;
import io.otcrouter.dashboard.readmodel.SettlementProjection;
import io.otcrouter.dashboard.readmodel.TradeAnalyticsReadModel;
import io.otcrouter.dashboard.readmodel.TradeStatsReadModel;

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
        TradeStatsReadModel stats = new TradeStatsReadModel(Clock.systemUTC());
        TradeAnalyticsReadModel analytics = new TradeAnalyticsReadModel(KEPT);
        return new ReadModelPayloads(stats, analytics, new SettlementProjection(stats, analytics, KEPT),
                new RouteDecisionProjection(KEPT), new PriceProjection(), new PoolProjection());
    }
}
