package io.otcrouter.dashboard.readmodel;

import static io.otcrouter.dashboard.DashboardEvents.solToUsdc;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.Route;
import io.otcrouter.events.TradeStatus;

class TradeAnalyticsReadModelTest {

    private final TradeStatsReadModel stats = new TradeStatsReadModel(Clock.systemUTC());
    private final TradeAnalyticsReadModel analytics = new TradeAnalyticsReadModel(100);
    private final SettlementProjection projection = new SettlementProjection(stats, analytics, 100);
    private final SettlementFeed feed = new SettlementFeed(projection);

    @Test
    void shouldPutATradeInTheBracketOfItsUsdSizeAndCountItAboveTheOnePercentThreshold() {
        feed.publish(solToUsdc("big", Route.OTC)
                .setJupiterPriceImpactPct(EventDecimals.price(new BigDecimal("0.0150"))).build());
        feed.publish(solToUsdc("small", Route.DEX).setVolumeUsd(EventDecimals.usd(new BigDecimal("999.99")))
                .setSavingUsd(EventDecimals.usd(BigDecimal.ZERO))
                .setJupiterPriceImpactPct(EventDecimals.price(new BigDecimal("0.0004"))).build());

        TradeAnalytics snapshot = analytics.analytics();
        BracketTotals under1k = snapshot.brackets().get(0);
        BracketTotals from100kTo1m = snapshot.brackets().get(3);
        assertThat(under1k.trades()).isEqualTo(1);
        assertThat(under1k.aboveThreshold()).isZero();
        assertThat(from100kTo1m.minUsd()).isEqualByComparingTo("100000");
        assertThat(from100kTo1m.trades()).isEqualTo(1);
        assertThat(from100kTo1m.aboveThreshold()).isEqualTo(1);
        assertThat(from100kTo1m.otcTrades()).isEqualTo(1);
        assertThat(from100kTo1m.savingsUsd()).isEqualByComparingTo("375.5");
        assertThat(snapshot.volumeUsdByRoute()).containsEntry(Route.SPLIT, BigDecimal.ZERO);
        assertThat(snapshot.volumeUsdByRoute().get(Route.OTC)).isEqualByComparingTo("150000");
        assertThat(snapshot.sizePoints()).extracting(SizePoint::tradeId).containsExactlyInAnyOrder("big", "small");
    }

    @Test
    void shouldAverageOnlyTheFiguresATradeReports() {
        feed.publish(solToUsdc("quoted", Route.OTC).build());
        feed.publish(solToUsdc("no-dex", Route.OTC).setJupiterPriceImpactPct(null).setSlippageVsQuoteBps(null)
                .build());
        feed.publish(solToUsdc("failed", Route.REJECTED).setStatus(TradeStatus.FAILED).setJupiterPriceImpactPct(null)
                .setSlippageVsQuoteBps(null).setShortfallVsArrivalBps(null).build());

        PerformanceTotals performance = analytics.analytics().performance();
        assertThat(performance.trades()).isEqualTo(3);
        assertThat(performance.filled()).isEqualTo(2);
        assertThat(performance.failed()).isEqualTo(1);
        assertThat(performance.impactQuoted()).isEqualTo(1);
        assertThat(performance.impactSum()).isEqualByComparingTo("0.0123");
        assertThat(performance.shortfallCount()).isEqualTo(2);
        assertThat(analytics.analytics().sizePoints()).extracting(SizePoint::tradeId).containsExactly("quoted");
    }

    @Test
    void shouldIgnoreARedeliveredSettlementInTheAnalytics() {
        var settled = solToUsdc("t-1", Route.OTC).build();

        assertThat(feed.publish(settled)).isTrue();
        assertThat(feed.publish(settled)).isFalse();

        assertThat(analytics.analytics().performance().trades()).isEqualTo(1);
        assertThat(analytics.analytics().volumeUsdByRoute().get(Route.OTC)).isEqualByComparingTo("150000");
        assertThat(projection.detail("t-1")).get().extracting(d -> d.trade().clientOrderId()).isEqualTo("order-t-1");
    }
}
