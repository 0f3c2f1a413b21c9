package io.otcrouter.dashboard.readmodel;

import static io.otcrouter.dashboard.DashboardEvents.SETTLED_AT;
import static io.otcrouter.dashboard.DashboardEvents.solToUsdc;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.Route;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;

class TradeStatsReadModelTest {

    private static final Clock ON_SETTLEMENT_DAY = Clock.fixed(SETTLED_AT.plusSeconds(3600), ZoneOffset.UTC);

    private final TradeStatsReadModel view = new TradeStatsReadModel(ON_SETTLEMENT_DAY);
    private final SettlementProjection projection = new SettlementProjection(view, new TradeAnalyticsReadModel(100),
            100);
    private final SettlementFeed feed = new SettlementFeed(projection);

    @Test
    void shouldSumTotalsOfTwoSettledTrades() {
        feed.publish(solToUsdc("t-1", Route.OTC).build());
        feed.publish(solToUsdc("t-2", Route.DEX).setVolumeUsd(EventDecimals.usd(new BigDecimal("99.5")))
                .setSavingUsd(EventDecimals.usd(BigDecimal.ZERO)).build());

        TradeStats stats = view.stats();

        assertThat(stats.total().trades()).isEqualTo(2);
        assertThat(stats.total().volumeUsd()).isEqualByComparingTo("150099.5");
        assertThat(stats.total().savingsUsd()).isEqualByComparingTo("375.5");
        assertThat(stats.byRoute()).containsEntry(Route.OTC, 1L).containsEntry(Route.DEX, 1L)
                .containsEntry(Route.SPLIT, 0L);
        assertThat(stats.today()).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(stats.todayTotals().trades()).isEqualTo(2);
        assertThat(stats.todayTotals().volumeUsd()).isEqualByComparingTo("150099.5");
    }

    @Test
    void shouldCountTheSameTradeSettledOnlyOnce() {
        TradeSettled settled = solToUsdc("t-1", Route.OTC).build();

        assertThat(feed.publish(settled)).isTrue();
        assertThat(feed.redeliver(settled, 0, 0)).as("the same record again").isFalse();
        assertThat(feed.publish(settled)).as("a copy sent again").isFalse();
        assertThat(feed.publish(solToUsdc("t-1", Route.DEX).build())).as("a second settlement").isFalse();

        assertThat(view.stats().total().trades()).isEqualTo(1);
        assertThat(view.stats().total().volumeUsd()).isEqualByComparingTo("150000");
        assertThat(view.stats().byRoute()).containsEntry(Route.OTC, 1L).containsEntry(Route.DEX, 0L);
        assertThat(projection.recent(10)).hasSize(1);
    }

    @Test
    void shouldCountSplitRoutesAsOtcInTheOtcShare() {
        feed.publish(solToUsdc("t-1", Route.OTC).build());
        feed.publish(solToUsdc("t-2", Route.SPLIT).build());
        feed.publish(solToUsdc("t-3", Route.DEX).build());
        feed.publish(solToUsdc("t-4", Route.DEX).setStatus(TradeStatus.FAILED).build());

        PeriodTotals total = view.stats().total();

        assertThat(total.trades()).isEqualTo(4);
        assertThat(total.otcTrades()).isEqualTo(2);
        assertThat(total.dexTrades()).isEqualTo(1);
        assertThat(total.otcSharePct()).isEqualByComparingTo("66.67");
    }

    @Test
    void shouldReportZeroOtcShareBeforeAnyTrade() {
        assertThat(view.stats().total().otcSharePct()).isEqualByComparingTo("0");
    }

    @Test
    void shouldCountOnlyTheFilledPartOfAPartialFillAsVolume() {
        feed.publish(solToUsdc("t-1", Route.SPLIT).setStatus(TradeStatus.PARTIALLY_FILLED)
                .setFilledInAmount(EventDecimals.atomic(new BigInteger("250000000000"))).build());

        assertThat(view.stats().total().volumeUsd()).isEqualByComparingTo("37500");
    }

    @Test
    void shouldLeaveTradesOfAnotherDayOutOfToday() {
        feed.publish(solToUsdc("yesterday", Route.DEX).setSettledAt(SETTLED_AT.minusSeconds(86_400)).build());

        assertThat(view.stats().total().trades()).isEqualTo(1);
        assertThat(view.stats().todayTotals().trades()).isZero();
        assertThat(view.stats().todayTotals().volumeUsd()).isEqualByComparingTo("0");
    }

    @Test
    void shouldListRecentTradesNewestFirstInTokenUnits() {
        feed.publish(solToUsdc("newer", Route.OTC).setSettledAt(SETTLED_AT.plusSeconds(60)).build());
        feed.publish(solToUsdc("older", Route.DEX).build());

        assertThat(projection.recent(10)).extracting(SettledTrade::tradeId).containsExactly("newer", "older");
        SettledTrade newest = projection.recent(1).get(0);
        assertThat(newest.amountIn().toPlainString()).isEqualTo("1000");
        assertThat(newest.outAmount().toPlainString()).isEqualTo("149625");
    }

    @Test
    void shouldKeepOnlyTheMostRecentTradesInTheWindowButCountThemAll() {
        TradeStatsReadModel stats = new TradeStatsReadModel(ON_SETTLEMENT_DAY);
        SettlementProjection small = new SettlementProjection(stats, new TradeAnalyticsReadModel(100), 2);
        SettlementFeed smallFeed = new SettlementFeed(small);
        for (int i = 0; i < 5; i++) {
            smallFeed.publish(solToUsdc("t-" + i, Route.DEX).setSettledAt(SETTLED_AT.plusSeconds(i)).build());
        }

        assertThat(small.recent(10)).extracting(SettledTrade::tradeId).containsExactly("t-4", "t-3");
        assertThat(stats.stats().total().trades()).isEqualTo(5);
    }
}
