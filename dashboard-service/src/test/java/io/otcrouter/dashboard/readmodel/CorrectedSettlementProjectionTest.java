package io.otcrouter.dashboard.readmodel;

import static io.otcrouter.dashboard.DashboardEvents.SETTLED_AT;
import static io.otcrouter.dashboard.DashboardEvents.solToUsdc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.Route;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.testsupport.events.TradeSettledMother;

/**
 * A settlement corrected by the ledger (a leg booked after the trade settled provisionally) replaces the trade's
 * previous contribution: the read model ends as if the trade had settled as corrected in the first place, whether
 * the trade is still in the recent window, long gone from it, or counted before a snapshot the dashboard restarted
 * from.
 */
class CorrectedSettlementProjectionTest {

    private static final Clock LATER = Clock.fixed(SETTLED_AT.plus(Duration.ofDays(30)), ZoneOffset.UTC);
    private static final int WINDOW = 5;
    private static final BigInteger HALF_SOL = new BigInteger("500000000000");
    /** The late leg came the next day: the correction moves the trade to another UTC day. */
    private static final Duration LATE_BY = Duration.ofHours(20);

    private final Model corrected = new Model();
    /** Fed the corrected settlements as if they had been the first: what the corrected model must show. */
    private final Model reference = new Model();

    @Test
    void shouldReplaceTheProvisionalSettlementOfATradeInTheWindow() {
        corrected.feed.publish(provisional("t-late"));
        corrected.feed.publish(other(1));

        assertThat(corrected.feed.publish(correction("t-late"))).isTrue();

        reference.feed.publish(asFirst(correction("t-late")));
        reference.feed.publish(other(1));
        assertSameFigures();
        assertThat(corrected.stats.stats().byStatus()).containsEntry(TradeStatus.FILLED, 2L)
                .containsEntry(TradeStatus.PARTIALLY_FILLED, 0L);
        assertThat(corrected.stats.stats().total().trades()).isEqualTo(2);
        assertThat(corrected.settlements.detail("t-late")).get().extracting(detail -> detail.trade().status())
                .isEqualTo(TradeStatus.FILLED);
        assertThat(corrected.settlements.recent(10)).extracting(SettledTrade::tradeId)
                .containsExactly("t-late", "t-1");
        assertThat(corrected.analytics.analytics().sizePoints()).extracting(SizePoint::tradeId)
                .containsExactlyInAnyOrder("t-late", "t-1");
    }

    @Test
    void shouldReplaceTheContributionOfATradeLongGoneFromTheWindow() {
        corrected.feed.publish(provisional("t-late"));
        for (int i = 1; i <= 3 * WINDOW; i++) {
            corrected.feed.publish(other(i));
        }
        assertThat(corrected.settlements.detail("t-late")).isEmpty();

        assertThat(corrected.feed.publish(correction("t-late"))).isTrue();

        reference.feed.publish(asFirst(correction("t-late")));
        for (int i = 1; i <= 3 * WINDOW; i++) {
            reference.feed.publish(other(i));
        }
        assertSameFigures();
        assertThat(corrected.stats.daily()).isEqualTo(reference.stats.daily());
    }

    @Test
    void shouldDropCopiesOfEitherRevisionOnceTheCorrectionIsApplied() {
        TradeSettled first = provisional("t-late");
        TradeSettled second = correction("t-late");
        corrected.feed.publish(first);
        corrected.feed.publish(second);

        assertThat(corrected.feed.publish(first)).as("a late copy of the superseded revision").isFalse();
        assertThat(corrected.feed.publish(second)).as("a copy of the correction").isFalse();

        reference.feed.publish(asFirst(second));
        assertSameFigures();
    }

    @Test
    void shouldReplaceAContributionCountedBeforeTheSnapshotItRestartedFrom() {
        corrected.feed.publish(provisional("t-late"));
        for (int i = 1; i <= 2 * WINDOW; i++) {
            corrected.feed.publish(other(i));
        }
        SettlementCheckpoint checkpoint = corrected.settlements.checkpoint();
        corrected.feed.publish(correction("t-late"));

        Model restarted = new Model();
        restarted.settlements.restore(checkpoint);
        corrected.feed.topic().stream()
                .filter(record -> record.offset() >= checkpoint.replayFrom().get(record.partition()))
                .forEach(record -> restarted.settlements.apply(record.event(), record.partition(), record.offset()));

        reference.feed.publish(asFirst(correction("t-late")));
        for (int i = 1; i <= 2 * WINDOW; i++) {
            reference.feed.publish(other(i));
        }
        assertThat(restarted.stats.stats()).isEqualTo(reference.stats.stats());
        assertThat(restarted.stats.daily()).isEqualTo(reference.stats.daily());
        assertThat(restarted.analytics.totals()).isEqualTo(reference.analytics.totals());
        assertThat(restarted.settlements.detail("t-late")).get().extracting(detail -> detail.trade().status())
                .isEqualTo(TradeStatus.FILLED);
    }

    @Test
    void shouldRestoreTheCorrectedTradeIntoTheWindowWhenTheCorrectionCameBeforeTheSnapshot() {
        corrected.feed.publish(provisional("t-late"));
        corrected.feed.publish(other(1));
        corrected.feed.publish(correction("t-late"));
        SettlementCheckpoint checkpoint = corrected.settlements.checkpoint();

        Model restarted = new Model();
        restarted.settlements.restore(checkpoint);
        corrected.feed.topic().stream()
                .filter(record -> record.offset() >= checkpoint.replayFrom().get(record.partition()))
                .forEach(record -> restarted.settlements.apply(record.event(), record.partition(), record.offset()));

        assertThat(restarted.stats.stats()).isEqualTo(corrected.stats.stats());
        assertThat(restarted.analytics.totals()).isEqualTo(corrected.analytics.totals());
        assertThat(restarted.settlements.recent(10)).isEqualTo(corrected.settlements.recent(10));
    }

    @Test
    void shouldRefuseACorrectionThatDoesNotCarryTheFiguresItSupersedes() {
        TradeSettled withoutFigures = TradeSettled.newBuilder(correction("t-late")).setSupersedes(null).build();

        assertThatIllegalArgumentException().isThrownBy(() -> corrected.settlements.apply(withoutFigures, 0, 0))
                .withMessageContaining("supersedes");
        assertThat(corrected.settlements.resumeOffset(0)).isEmpty();
    }

    private void assertSameFigures() {
        assertThat(corrected.stats.stats()).isEqualTo(reference.stats.stats());
        assertThat(corrected.stats.daily()).isEqualTo(reference.stats.daily());
        assertThat(corrected.analytics.totals()).isEqualTo(reference.analytics.totals());
    }

    /** Half the trade filled when its settle timeout passed: the other leg was late. */
    private static TradeSettled provisional(String tradeId) {
        return solToUsdc(tradeId, Route.SPLIT).setEventId(UUID.randomUUID().toString())
                .setStatus(TradeStatus.PARTIALLY_FILLED)
                .setFilledInAmount(EventDecimals.atomic(HALF_SOL))
                .setOutAmount(EventDecimals.atomic(new BigInteger("74812500000")))
                .setSavingUsd(EventDecimals.usd(new BigDecimal("187.75")))
                .setExecutionPrice(EventDecimals.price(new BigDecimal("149.625")))
                .setSlippageVsQuoteBps(EventDecimals.ratio(new BigDecimal("3")))
                .setShortfallVsArrivalBps(EventDecimals.ratio(new BigDecimal("25")))
                .build();
    }

    /** The ledger's correction once the late leg was booked: filled, a day later, with what it supersedes. */
    private static TradeSettled correction(String tradeId) {
        TradeSettled before = provisional(tradeId);
        return solToUsdc(tradeId, Route.SPLIT).setEventId(UUID.randomUUID().toString())
                .setSettledAt(SETTLED_AT.plus(LATE_BY)).setOccurredAt(SETTLED_AT.plus(LATE_BY))
                .setRevision(2)
                .setSupersedes(TradeSettledMother.figuresOf(before))
                .build();
    }

    private static TradeSettled asFirst(TradeSettled correction) {
        return TradeSettled.newBuilder(correction).setRevision(1).setSupersedes(null).build();
    }

    /** Other trades, one a minute, all filled. */
    private static TradeSettled other(int i) {
        return solToUsdc("t-" + i, i % 2 == 0 ? Route.OTC : Route.DEX)
                .setSettledAt(SETTLED_AT.plus(Duration.ofMinutes(i))).build();
    }

    private static final class Model {
        final TradeStatsReadModel stats = new TradeStatsReadModel(LATER);
        final TradeAnalyticsReadModel analytics = new TradeAnalyticsReadModel(WINDOW);
        final SettlementProjection settlements = new SettlementProjection(stats, analytics, WINDOW);
        final SettlementFeed feed = new SettlementFeed(settlements);
    }
}
