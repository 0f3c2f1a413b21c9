package io.otcrouter.dashboard.readmodel;

import static io.otcrouter.dashboard.DashboardEvents.SETTLED_AT;
import static io.otcrouter.dashboard.DashboardEvents.decision;
import static io.otcrouter.dashboard.DashboardEvents.solToUsdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.Route;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;

/**
 * The read model keeps a bounded window of recent trades and exact aggregates over every trade, drops duplicates,
 * and restarts from a checkpoint without counting a trade twice or missing one.
 */
class BoundedProjectionTest {

    private static final Clock LATER = Clock.fixed(SETTLED_AT.plus(Duration.ofDays(30)), ZoneOffset.UTC);
    private static final int WINDOW = 5;
    private static final Route[] ROUTES = {Route.DEX, Route.OTC, Route.SPLIT, Route.REJECTED};

    private final WiredSettlementProjection model = wired(WINDOW);

    @Test
    void shouldKeepOnlyTheLatestSettledTradesWhenTheWindowIsFull() {
        for (int i = 0; i < WINDOW + 2; i++) {
            model.feed.publish(trade(i));
        }

        assertThat(model.settlements.detail("t-0")).isEmpty();
        assertThat(model.settlements.detail("t-1")).isEmpty();
        assertThat(model.settlements.detail("t-2")).isPresent();
        assertThat(model.settlements.detail("t-6")).isPresent();
        assertThat(model.settlements.recent(100)).extracting(SettledTrade::tradeId)
                .containsExactly("t-6", "t-5", "t-4", "t-3", "t-2");
    }

    @Test
    void shouldCountATradeSettledBeforeTheWholeWindowButNotKeepIt() {
        for (int i = 10; i < 10 + WINDOW; i++) {
            model.feed.publish(trade(i));
        }

        assertThat(model.feed.publish(trade(0))).isTrue();

        assertThat(model.stats.stats().total().trades()).isEqualTo(WINDOW + 1);
        assertThat(model.settlements.detail("t-0")).isEmpty();
        assertThat(model.settlements.recent(100)).hasSize(WINDOW).extracting(SettledTrade::tradeId)
                .doesNotContain("t-0");
        assertThat(model.feed.publish(trade(0))).as("its copy is still recognised").isFalse();
    }

    @Test
    void shouldKeepTheSameWindowWhateverOrderThePartitionsAreReadIn() {
        WiredSettlementProjection partitionByPartition = wired(WINDOW);
        for (int partition = 0; partition < 3; partition++) {
            for (int i = partition; i < 30; i += 3) {
                partitionByPartition.feed.publish(trade(i), partition);
            }
        }
        for (int i = 0; i < 30; i++) {
            model.feed.publish(trade(i), i % 3);
        }

        assertThat(partitionByPartition.settlements.recent(100)).isEqualTo(model.settlements.recent(100));
        assertThat(partitionByPartition.settlements.checkpoint()).isEqualTo(model.settlements.checkpoint());
    }

    @Test
    void shouldKeepEveryAggregateExactWhenTradesLeaveTheWindow() {
        WiredSettlementProjection everything = wired(1_000);
        for (int i = 0; i < 200; i++) {
            model.feed.publish(trade(i), i % 3);
            everything.feed.publish(trade(i), i % 3);
        }

        assertThat(model.settlements.recent(1_000)).hasSize(WINDOW);
        assertThat(model.stats.stats().total().trades()).isEqualTo(200);
        assertThat(model.stats.stats()).isEqualTo(everything.stats.stats());
        assertThat(model.stats.daily()).isEqualTo(everything.stats.daily()).hasSizeGreaterThan(10);
        assertThat(model.analytics.totals()).isEqualTo(everything.analytics.totals());
    }

    @Test
    void shouldDropARedeliveredRecordLongAfterItsTradeLeftTheWindow() {
        TradeSettled first = trade(0);
        model.feed.publish(first);
        for (int i = 1; i < 50; i++) {
            model.feed.publish(trade(i));
        }

        assertThat(model.feed.redeliver(first, 0, 0)).isFalse();
        assertThat(model.stats.stats().total().trades()).isEqualTo(50);
        assertThat(model.settlements.detail("t-0")).isEmpty();
    }

    @Test
    void shouldDropACopyOfATradeInTheWindowButCountACopyThatComesAfterItsOriginalLeft() {
        TradeSettled original = trade(0);
        model.feed.publish(original);
        model.feed.publish(trade(1));

        assertThat(model.feed.publish(original)).as("a copy while the original is in the window").isFalse();
        for (int i = 2; i < 2 + WINDOW; i++) {
            model.feed.publish(trade(i));
        }
        // The limit of a bounded memory: why the window must be larger than how late the ledger may send a copy.
        assertThat(model.feed.publish(original)).as("a copy after the original left the window").isTrue();
        assertThat(model.stats.stats().total().trades()).isEqualTo(2 + WINDOW + 1);
    }

    @Test
    void shouldCountEveryTradeOnceWhenRestartedFromACheckpointWhileTradesKeepComing() {
        for (int i = 0; i < 40; i++) {
            model.feed.publish(trade(i), i % 3);
        }
        SettlementCheckpoint checkpoint = model.settlements.checkpoint();
        for (int i = 40; i < 52; i++) {
            model.feed.publish(trade(i), i % 3);
        }
        // A copy the ledger sent again after the checkpoint, of a trade still in the window.
        model.feed.publish(trade(50), 50 % 3);

        WiredSettlementProjection restarted = wired(WINDOW);
        restarted.settlements.restore(checkpoint);
        List<SettlementFeed.Record> reread = model.feed.topic().stream()
                .filter(record -> record.offset() >= checkpoint.replayFrom().get(record.partition())).toList();
        reread.forEach(record -> restarted.settlements.apply(record.event(), record.partition(), record.offset()));

        assertThat(restarted.stats.stats().total().trades()).isEqualTo(52);
        assertThat(restarted.stats.stats()).isEqualTo(model.stats.stats());
        assertThat(restarted.stats.daily()).isEqualTo(model.stats.daily());
        assertThat(restarted.analytics.totals()).isEqualTo(model.analytics.totals());
        assertThat(restarted.settlements.recent(WINDOW)).isEqualTo(model.settlements.recent(WINDOW));
        assertThat(reread).as("read again: the windows of each partition and what came after, not the history")
                .hasSizeLessThanOrEqualTo(3 * WINDOW + 13);
    }

    @Test
    void shouldNameTheLowestOffsetTheWindowsHoldAndTheCountedOffsetOfEachPartition() {
        for (int i = 0; i < 16; i++) {
            model.feed.publish(trade(i), i % 2);
        }

        SettlementCheckpoint checkpoint = model.settlements.checkpoint();

        // Each partition has 8 settlements (offsets 0..7); the duplicate check remembers its last 5 (offsets 3..7),
        // the detail window (trades 11..15) offsets 5..7 of partition 1 and 6..7 of partition 0.
        assertThat(checkpoint.countedUpTo()).isEqualTo(Map.of(0, 8L, 1, 8L));
        assertThat(checkpoint.replayFrom()).isEqualTo(Map.of(0, 3L, 1, 3L));
        WiredSettlementProjection restarted = wired(WINDOW);
        restarted.settlements.restore(checkpoint);
        assertThat(restarted.settlements.resumeOffset(0)).isEqualTo(OptionalLong.of(3));
        assertThat(restarted.settlements.resumeOffset(1)).isEqualTo(OptionalLong.of(3));
        assertThat(restarted.settlements.resumeOffset(2)).isEmpty();
        assertThat(restarted.settlements.apply(trade(2), 0, 1)).as("before the windows: applied long ago").isFalse();
        assertThat(restarted.settlements.apply(trade(6), 0, 3)).as("fills the windows, counted already").isTrue();
        assertThat(restarted.stats.stats().total().trades()).isEqualTo(16);
        assertThat(restarted.settlements.apply(trade(16), 0, 8)).as("after the checkpoint").isTrue();
        assertThat(restarted.stats.stats().total().trades()).isEqualTo(17);
    }

    @Test
    void shouldRefuseToRestoreACheckpointOnceASettlementWasApplied() {
        SettlementCheckpoint empty = model.settlements.checkpoint();
        model.feed.publish(trade(0));

        assertThatIllegalStateException().isThrownBy(() -> model.settlements.restore(empty));
    }

    @Test
    void shouldRefuseASettlementWithAFractionalAtomicAmountWithoutSkippingTheNextRecord() {
        TradeSettled fractional = solToUsdc("t-bad", Route.OTC)
                .setOutAmount(new BigDecimal("1.5")).build();

        assertThatIllegalArgumentException().isThrownBy(() -> model.settlements.apply(fractional, 0, 0))
                .withMessageContaining("outAmount");
        assertThat(model.settlements.resumeOffset(0)).isEmpty();
        assertThat(model.settlements.apply(trade(1), 0, 1)).isTrue();
        assertThat(model.stats.stats().total().trades()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheLatestDecisionsAndResumeFromTheOldestAfterARestore() {
        RouteDecisionProjection decisions = new RouteDecisionProjection(3);
        SettlementFeed feed = new SettlementFeed(null, decisions);
        for (int i = 0; i < 5; i++) {
            feed.publish(decision("t-" + i, "sol-usdc-main").setOccurredAt(SETTLED_AT.plusSeconds(i)).build());
        }

        assertThat(decisions.decision("t-1")).isEmpty();
        assertThat(decisions.decision("t-2")).isPresent();
        assertThat(decisions.apply(decision("t-0", "sol-usdc-main").build(), 0, 0)).as("redelivered").isFalse();
        DecisionCheckpoint checkpoint = decisions.checkpoint();
        assertThat(checkpoint.replayFrom()).isEqualTo(Map.of(0, 2L));

        RouteDecisionProjection restarted = new RouteDecisionProjection(3);
        restarted.restore(checkpoint);
        assertThat(restarted.resumeOffset(0)).isEqualTo(OptionalLong.of(2));
        assertThat(restarted.apply(decision("t-1", "sol-usdc-main").build(), 0, 1)).isFalse();
        assertThat(restarted.apply(decision("t-2", "sol-usdc-main").build(), 0, 2)).isTrue();
    }

    /** Trade {@code i}: routes and statuses vary, a new UTC day every eleven trades, sizes from $150 to $1.5M. */
    private static TradeSettled trade(int i) {
        Route route = ROUTES[i % ROUTES.length];
        return solToUsdc("t-" + i, route)
                .setStatus(route == Route.REJECTED ? TradeStatus.FAILED : TradeStatus.FILLED)
                .setFilledInAmount(route == Route.REJECTED ? EventDecimals.atomic(BigInteger.ZERO)
                        : solToUsdc("x", route).getAmountIn())
                .setVolumeUsd(EventDecimals.usd(new BigDecimal(150).multiply(BigDecimal.TEN.pow(i % 5))))
                .setSavingUsd(EventDecimals.usd(new BigDecimal(i).multiply(new BigDecimal("0.37"))))
                .setSettledAt(SETTLED_AT.plus(Duration.ofHours(i * 24L / 11)))
                .build();
    }

    private static WiredSettlementProjection wired(int window) {
        return new WiredSettlementProjection(LATER, WINDOW, window);
    }
}
