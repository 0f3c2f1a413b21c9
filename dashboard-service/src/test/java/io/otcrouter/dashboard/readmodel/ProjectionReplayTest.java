package io.otcrouter.dashboard.readmodel;

import static io.otcrouter.dashboard.DashboardEvents.SETTLED_AT;
import static io.otcrouter.dashboard.DashboardEvents.decision;
import static io.otcrouter.dashboard.DashboardEvents.pool;
import static io.otcrouter.dashboard.DashboardEvents.solToUsdc;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.otcrouter.dashboard.DashboardEvents;
import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolStateChanged;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.testsupport.events.TestTokens;

/**
 * The read model must not depend on how Kafka delivered the topics: the same events duplicated (the ledger sending a
 * settlement again) and in another order (partitions interleaving differently) give exactly the same figures. A copy
 * is recognised while its original is in the recent window; redeliveries of the same record are covered by
 * {@code BoundedProjectionTest}.
 */
class ProjectionReplayTest {

    private static final Clock ON_LAST_DAY = Clock.fixed(SETTLED_AT.plus(Duration.ofDays(3)), ZoneOffset.UTC);
    private static final int TRADES = 60;
    /** Smaller than the number of trades, so the bounded windows have to drop some. */
    private static final int WINDOW = 10;
    /** Larger than the number of trades: every copy finds its original. */
    private static final int WHOLE_HISTORY = 1_000;
    private static final Route[] ROUTES = {Route.DEX, Route.OTC, Route.SPLIT, Route.OTC, Route.REJECTED};

    @Test
    void shouldGiveTheSameReadModelWhateverTheOrderAndCopiesWhileEveryTradeFitsTheWindow() {
        List<TradeSettled> settlements = settlements();
        WiredSettlementProjection inOrder = wired(WHOLE_HISTORY);
        settlements.forEach(inOrder::publish);

        WiredSettlementProjection shuffled = wired(WHOLE_HISTORY);
        duplicatedAndShuffled(settlements, 7L).forEach(shuffled::publish);

        assertThat(shuffled.stats.stats()).isEqualTo(inOrder.stats.stats());
        assertThat(shuffled.stats.daily()).isEqualTo(inOrder.stats.daily());
        assertThat(shuffled.settlements.recent(TRADES)).isEqualTo(inOrder.settlements.recent(TRADES));
        assertThat(shuffled.analytics.analytics()).isEqualTo(inOrder.analytics.analytics());
        for (TradeSettled settlement : settlements) {
            assertThat(shuffled.settlements.detail(settlement.getTradeId()))
                    .isEqualTo(inOrder.settlements.detail(settlement.getTradeId()));
        }
    }

    @Test
    void shouldGiveTheSameFiguresWhenCopiesArriveWithinTheWindowOfASmallerWindowThanTheHistory() {
        List<TradeSettled> settlements = settlements();
        WiredSettlementProjection inOrder = wired(WINDOW);
        settlements.forEach(inOrder::publish);

        WiredSettlementProjection disordered = wired(WINDOW);
        copiedAndDisorderedWithin(settlements, WINDOW / 2, 13L).forEach(disordered::publish);

        assertThat(disordered.stats.stats()).isEqualTo(inOrder.stats.stats());
        assertThat(disordered.stats.daily()).isEqualTo(inOrder.stats.daily());
        assertThat(disordered.analytics.analytics()).isEqualTo(inOrder.analytics.analytics());
        assertThat(disordered.settlements.recent(TRADES)).hasSize(WINDOW)
                .isEqualTo(inOrder.settlements.recent(TRADES));
    }

    @Test
    void shouldCountEveryTradeOnceWhateverTheDeliveryOrder() {
        List<TradeSettled> settlements = settlements();
        WiredSettlementProjection projection = wired(WINDOW);
        copiedAndDisorderedWithin(settlements, WINDOW / 2, 11L).forEach(projection::publish);

        TradeAnalytics analytics = projection.analytics.analytics();
        assertThat(projection.stats.stats().total().trades()).isEqualTo(TRADES);
        assertThat(analytics.performance().trades()).isEqualTo(TRADES);
        assertThat(analytics.brackets().stream().mapToLong(BracketTotals::trades).sum()).isEqualTo(TRADES);
        assertThat(analytics.sizePoints()).hasSize(WINDOW)
                .extracting(SizePoint::tradeId).doesNotHaveDuplicates();
        assertThat(projection.stats.daily()).hasSize((int) settlements.stream()
                .map(settled -> LocalDate.ofInstant(settled.getSettledAt(), ZoneOffset.UTC)).distinct().count())
                .hasSizeGreaterThan(3);
    }

    @Test
    void shouldKeepTheSameDecisionsWhenDecisionsAreDuplicatedAndReordered() {
        List<RouteDecided> decisions = new ArrayList<>();
        for (int i = 0; i < TRADES; i++) {
            decisions.add(decision("t-" + i, "pool-" + (i % 3)).build());
        }
        RouteDecisionProjection inOrder = new RouteDecisionProjection(WHOLE_HISTORY);
        SettlementFeed inOrderFeed = new SettlementFeed(null, inOrder);
        decisions.forEach(inOrderFeed::publish);
        RouteDecisionProjection shuffled = new RouteDecisionProjection(WHOLE_HISTORY);
        SettlementFeed shuffledFeed = new SettlementFeed(null, shuffled);
        duplicatedAndShuffled(decisions, 5L).forEach(shuffledFeed::publish);

        for (RouteDecided decision : decisions) {
            assertThat(shuffled.decision(decision.getTradeId())).isEqualTo(inOrder.decision(decision.getTradeId()));
        }
        assertThat(shuffled.size()).isEqualTo(TRADES);
    }

    @Test
    void shouldKeepTheLatestPoolStateWhenStatesAreDuplicatedAndReordered() {
        List<PoolStateChanged> states = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            states.add(pool("pool-" + (i % 3)).setOccurredAt(SETTLED_AT.plusSeconds(i))
                    .setBaseInventory(EventDecimals.atomic(TestTokens.SOL.toAtomic(BigDecimal.valueOf(9_000 - i))))
                    .setChange("FILL").build());
        }
        PoolProjection inOrder = new PoolProjection();
        states.forEach(inOrder::apply);
        PoolProjection shuffled = new PoolProjection();
        duplicatedAndShuffled(states, 3L).forEach(shuffled::apply);

        assertThat(shuffled.pools()).isEqualTo(inOrder.pools());
        assertThat(shuffled.pools()).extracting(PoolSnapshot::baseInventory)
                .extracting(BigDecimal::toPlainString).containsExactly("8973", "8972", "8971");
    }

    /** Trades over five days, in no time order, every route and status, sizes from $150 to $1.5M, some without a DEX quote. */
    private static List<TradeSettled> settlements() {
        List<TradeSettled> settlements = new ArrayList<>();
        for (int i = 0; i < TRADES; i++) {
            Route route = ROUTES[i % ROUTES.length];
            TradeStatus status = route == Route.REJECTED ? TradeStatus.FAILED
                    : i % 7 == 0 ? TradeStatus.PARTIALLY_FILLED : TradeStatus.FILLED;
            BigInteger amountIn = BigInteger.valueOf(1L + i * 173L).multiply(BigInteger.TEN.pow(9));
            BigInteger filled = status == TradeStatus.FAILED ? BigInteger.ZERO
                    : status == TradeStatus.PARTIALLY_FILLED ? amountIn.divide(BigInteger.TWO) : amountIn;
            settlements.add(solToUsdc("t-" + i, route)
                    .setStatus(status)
                    .setAmountIn(EventDecimals.atomic(amountIn))
                    .setFilledInAmount(EventDecimals.atomic(filled))
                    .setVolumeUsd(EventDecimals.usd(new BigDecimal(amountIn).movePointLeft(9).multiply(BigDecimal.valueOf(150))))
                    .setSavingUsd(EventDecimals.usd(new BigDecimal(i).multiply(new BigDecimal("1.37"))))
                    .setJupiterPriceImpactPct(i % 4 == 0 ? null
                            : EventDecimals.price(new BigDecimal(i).movePointLeft(3)))
                    .setSlippageVsQuoteBps(EventDecimals.ratio(new BigDecimal(i % 5)))
                    .setSettledAt(SETTLED_AT.plus(Duration.ofHours(i * 37L % 96)))
                    .build());
        }
        return settlements;
    }

    /** Every event, a third of them twice, in a seeded random order (a copy may come long after its original). */
    private static <T> List<T> duplicatedAndShuffled(List<T> events, long seed) {
        List<T> delivered = new ArrayList<>(events);
        for (int i = 0; i < events.size(); i += 3) {
            delivered.add(events.get(i));
        }
        Collections.shuffle(delivered, new Random(seed));
        return delivered;
    }

    /**
     * Every event, in seeded random order within consecutive blocks of {@code block}, a third of them followed by a
     * copy at most {@code block} records later: how partitions interleave and how soon the ledger sends a copy.
     */
    private static <T> List<T> copiedAndDisorderedWithin(List<T> events, int block, long seed) {
        Random random = new Random(seed);
        List<T> delivered = new ArrayList<>();
        for (int from = 0; from < events.size(); from += block) {
            List<T> chunk = new ArrayList<>(events.subList(from, Math.min(events.size(), from + block)));
            Collections.shuffle(chunk, random);
            delivered.addAll(chunk);
        }
        for (int i = events.size() - 1; i >= 0; i -= 3) {
            int original = delivered.indexOf(events.get(i));
            delivered.add(Math.min(delivered.size(), original + 1 + random.nextInt(block)), events.get(i));
        }
        return delivered;
    }

    private static WiredSettlementProjection wired(int window) {
        return new WiredSettlementProjection(ON_LAST_DAY, WINDOW, window);
    }
}
