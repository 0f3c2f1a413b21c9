package io.otcrouter.dashboard.snapshot;

import static io.otcrouter.dashboard.DashboardEvents.SETTLED_AT;
import static io.otcrouter.dashboard.DashboardEvents.decision;
import static io.otcrouter.dashboard.DashboardEvents.solToUsdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.otcrouter.dashboard.readmodel.RouteDecisionProjection;
import io.otcrouter.dashboard.readmodel.SettlementProjection;
import io.otcrouter.dashboard.readmodel.TradeAnalyticsReadModel;
import io.otcrouter.dashboard.readmodel.TradeStatsReadModel;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.Route;
import io.otcrouter.events.TradeStatus;

class SnapshotCodecTest {

    private static final Clock NOW = Clock.fixed(SETTLED_AT.plus(Duration.ofDays(2)), ZoneOffset.UTC);
    /** A partial fill whose USD volume has more decimals than a whole one. */
    private static final BigInteger THIRD_OF_THOUSAND_SOL = new BigInteger("333333333333");

    private final SnapshotCodec codec = new SnapshotCodec();

    @Test
    void shouldReadBackExactlyTheAggregatesItWrote() {
        TradeStatsReadModel stats = new TradeStatsReadModel(NOW);
        TradeAnalyticsReadModel analytics = new TradeAnalyticsReadModel(10);
        SettlementProjection settlements = new SettlementProjection(stats, analytics, 10);
        RouteDecisionProjection decisions = new RouteDecisionProjection(10);
        settlements.apply(solToUsdc("t-1", Route.OTC).build(), 0, 41);
        settlements.apply(solToUsdc("t-2", Route.SPLIT).setStatus(TradeStatus.PARTIALLY_FILLED)
                .setFilledInAmount(EventDecimals.atomic(THIRD_OF_THOUSAND_SOL))
                .setSavingUsd(null).setJupiterPriceImpactPct(null)
                .setSettledAt(SETTLED_AT.plus(Duration.ofDays(1))).build(), 2, 7);
        settlements.apply(solToUsdc("t-3", Route.REJECTED).setStatus(TradeStatus.FAILED)
                .setVolumeUsd(EventDecimals.usd(new BigDecimal("0.10"))).build(), 1, 0);
        decisions.apply(decision("t-1", "sol-usdc-main").build(), 1, 99);
        ReadModelSnapshot written = new ReadModelSnapshot(ReadModelSnapshot.FORMAT, NOW.instant(),
                settlements.checkpoint(), decisions.checkpoint());

        ReadModelSnapshot read = codec.decode(codec.encode(written));

        assertThat(read).isEqualTo(written);
        TradeStatsReadModel restoredStats = new TradeStatsReadModel(NOW);
        TradeAnalyticsReadModel restoredAnalytics = new TradeAnalyticsReadModel(10);
        new SettlementProjection(restoredStats, restoredAnalytics, 10).restore(read.settlements());
        assertThat(restoredStats.stats()).isEqualTo(stats.stats());
        assertThat(restoredStats.daily()).isEqualTo(stats.daily());
        assertThat(restoredAnalytics.analytics().brackets()).isEqualTo(analytics.analytics().brackets());
        assertThat(restoredAnalytics.analytics().performance()).isEqualTo(analytics.analytics().performance());
        assertThat(restoredAnalytics.analytics().volumeUsdByRoute())
                .isEqualTo(analytics.analytics().volumeUsdByRoute());
    }

    @Test
    void shouldRefuseASnapshotOfAnotherFormat() {
        byte[] future = ("{\"format\":" + (ReadModelSnapshot.FORMAT + 1) + "}").getBytes(StandardCharsets.UTF_8);

        assertThatIllegalArgumentException().isThrownBy(() -> codec.decode(future)).withMessageContaining("format");
    }

    @Test
    void shouldRefuseBytesThatAreNoSnapshot() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .withMessageContaining("not a read-model snapshot");
    }
}
