package io.otcrouter.ledger.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.LegStatus;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.SettlementFigures;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.ledger.LedgerFixtures;

/**
 * A split settled provisionally with its OTC leg (the DEX leg late), then corrected once the DEX leg is booked: what
 * the trade row and its TradeSettled events say at each revision, and how a rebuild recognises what was published.
 */
class CorrectingSettlementTest {

    private static final SettleRule RULE = new SettleRule(Duration.ofSeconds(30));
    private static final Instant DECIDED = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant OTC_FILLED = DECIDED.plusSeconds(1);
    private static final Instant DEX_FILLED_LATE = DECIDED.plusSeconds(45);

    private static final LegOutcome OTC_LEG = new LegOutcome(LegStatus.FILLED, LedgerFixtures.SPLIT_OTC_IN,
            LedgerFixtures.SPLIT_OTC_OUT, LedgerFixtures.SPLIT_OTC_OUT);
    private static final LegOutcome DEX_LEG = new LegOutcome(LegStatus.FILLED, LedgerFixtures.SPLIT_DEX_IN,
            LedgerFixtures.SPLIT_DEX_OUT, LedgerFixtures.SPLIT_DEX_OUT);

    @Test
    void shouldPublishTheCorrectionAsTheNextRevisionCarryingTheFiguresItSupersedes() {
        Trade trade = provisionallySettled();
        TradeSettled first = TradeSettledEvents.of(trade, null);
        SettlementFigures superseded = TradeSettledEvents.figures(trade);

        trade.settle(SettlementCalculator.settle(trade.terms(), List.of(OTC_LEG, DEX_LEG), 2),
                RULE.settledAt(2, List.of(OTC_FILLED, DEX_FILLED_LATE), DECIDED));
        TradeSettled correction = TradeSettledEvents.of(trade, superseded);

        assertThat(first.getRevision()).isEqualTo(1);
        assertThat(first.getStatus()).isEqualTo(TradeStatus.PARTIALLY_FILLED);
        assertThat(first.getSupersedes()).isNull();
        assertThat(correction.getRevision()).isEqualTo(2);
        assertThat(correction.getStatus()).isEqualTo(TradeStatus.FILLED);
        assertThat(correction.getFilledInAmount()).isEqualByComparingTo(new java.math.BigDecimal(
                LedgerFixtures.THOUSAND_SOL));
        assertThat(correction.getSettledAt()).isEqualTo(DEX_FILLED_LATE);
        assertThat(correction.getSupersedes().getRevision()).isEqualTo(1);
        assertThat(correction.getSupersedes().getStatus()).isEqualTo(TradeStatus.PARTIALLY_FILLED);
        assertThat(correction.getSupersedes().getOutAmount()).isEqualByComparingTo(first.getOutAmount());
        assertThat(correction.getSupersedes().getSettledAt()).isEqualTo(first.getSettledAt());
        assertThat(correction.getEventId()).isNotEqualTo(first.getEventId());
    }

    @Test
    void shouldKeepTheFirstRevisionsEventIdAndDeriveTheOthersFromTheRevision() {
        assertThat(TradeSettledEvents.eventId("t-1", 1)).as("the id before revisions existed")
                .isEqualTo(java.util.UUID.nameUUIDFromBytes("TradeSettled:t-1".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)).toString());
        assertThat(TradeSettledEvents.eventId("t-1", 2)).isEqualTo(TradeSettledEvents.eventId("t-1", 2))
                .isNotEqualTo(TradeSettledEvents.eventId("t-1", 1))
                .isNotEqualTo(TradeSettledEvents.eventId("t-1", 3));
    }

    @Test
    void shouldKnowASettlementAgainWithTheSameLegsAndNotOneWithAnotherLeg() {
        Trade trade = provisionallySettled();
        Settlement same = SettlementCalculator.settle(trade.terms(), List.of(OTC_LEG), 2);
        Settlement corrected = SettlementCalculator.settle(trade.terms(), List.of(OTC_LEG, DEX_LEG), 2);

        assertThat(trade.settledAs(same)).isTrue();
        assertThat(trade.settledAs(corrected)).isFalse();
    }

    @Test
    void shouldNotCorrectATradeForALateLegThatFilledNothing() {
        Trade trade = provisionallySettled();
        LegOutcome lateRejected = new LegOutcome(LegStatus.REJECTED, LedgerFixtures.SPLIT_DEX_IN, java.math.BigInteger.ZERO,
                LedgerFixtures.SPLIT_DEX_OUT);

        Settlement withTheRejection = SettlementCalculator.settle(trade.terms(), List.of(OTC_LEG, lateRejected), 2);

        assertThat(trade.settledAs(withTheRejection)).as("only the rule's settlement time would differ").isTrue();
    }

    @Test
    void shouldRecogniseThePublishedFiguresWhateverTheirRevisionButNotOtherFigures() {
        Trade trade = provisionallySettled();
        SettlementFigures published = TradeSettledEvents.figures(TradeSettledEvents.of(trade, null));
        SettlementFigures asRevisionThree = SettlementFigures.newBuilder(published).setRevision(3).build();
        SettlementFigures otherOut = SettlementFigures.newBuilder(published)
                .setOutAmount(published.getOutAmount().add(java.math.BigDecimal.ONE)).build();

        assertThat(RebuiltSettlements.sameFigures(TradeSettledEvents.figures(trade), asRevisionThree)).isTrue();
        assertThat(RebuiltSettlements.sameFigures(TradeSettledEvents.figures(trade), otherOut)).isFalse();
    }

    @Test
    void shouldKeepTheLatestRevisionReadWhateverOrderTheyAreRead() {
        Trade trade = provisionallySettled();
        TradeSettled first = TradeSettledEvents.of(trade, null);
        SettlementFigures superseded = TradeSettledEvents.figures(trade);
        trade.settle(SettlementCalculator.settle(trade.terms(), List.of(OTC_LEG, DEX_LEG), 2), DEX_FILLED_LATE);
        TradeSettled second = TradeSettledEvents.of(trade, superseded);
        PublishedSettlements published = new PublishedSettlements();

        published.add(second);
        published.add(first);

        assertThat(published.latest(trade.getTradeId())).get().extracting(SettlementFigures::getRevision)
                .isEqualTo(2);
        assertThat(published.size()).isEqualTo(1);
    }

    private static Trade provisionallySettled() {
        RouteDecided decision = LedgerFixtures.splitDecision("t-late-dex", DECIDED);
        Trade trade = Trade.decided(decision, DECIDED);
        Instant at = RULE.settleAt(2, List.of(OTC_FILLED), DECIDED, DECIDED, DECIDED.plusSeconds(31)).orElseThrow();
        trade.settle(SettlementCalculator.settle(trade.terms(), List.of(OTC_LEG), 2), at);
        assertThat(trade.getStatus()).isEqualTo(TradeState.PARTIALLY_FILLED);
        assertThat(trade.getRevision()).isEqualTo(1);
        return trade;
    }
}
