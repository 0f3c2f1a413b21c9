package io.otcrouter.router.tracking;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.testsupport.events.RouteDecidedMother;
import io.otcrouter.testsupport.events.TradeSettledMother;
import io.otcrouter.testsupport.postgres.EmbeddedPostgresHolder;


/**
 * What the router answers for a trade's settlement when the ledger corrects it (TradeSettled revision 2, after a leg
 * booked late): the correction replaces the first settlement, and neither a copy of it nor a late copy of the first
 * changes the answer again. Against a real PostgreSQL migrated by the service's own Flyway scripts.
 */
class SettlementRevisionsIT {

    private static final Instant SETTLED = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final BigInteger THOUSAND_SOL = BigInteger.valueOf(1_000_000_000_000L);
    private static final BigInteger HALF_SOL = THOUSAND_SOL.divide(BigInteger.TWO);

    private static TrackedTradeRepository trades;

    @BeforeAll
    static void migrate() {
        trades = new TrackedTradeRepository(EmbeddedPostgresHolder.migratedSchema("router"));
    }

    @Test
    void shouldReplaceTheFirstSettlementWithItsCorrection() {
        String tradeId = "trade-" + UUID.randomUUID();
        TradeSettled first = provisional(tradeId);

        assertThat(trades.settle(first)).isTrue();
        assertThat(trades.settle(correction(first))).isTrue();

        assertThat(trades.find(tradeId)).get().satisfies(trade -> {
            assertThat(trade.settlementStatus()).isEqualTo("FILLED");
            assertThat(trade.settlementRevision()).isEqualTo(2);
            assertThat(trade.filledInAmount()).isEqualByComparingTo(new BigDecimal(THOUSAND_SOL));
            assertThat(trade.settledAt()).isEqualTo(SETTLED.plusSeconds(20));
        });
    }

    @Test
    void shouldChangeNothingForACopyOfEitherRevisionOnceCorrected() {
        String tradeId = "trade-" + UUID.randomUUID();
        TradeSettled first = provisional(tradeId);
        TradeSettled second = correction(first);
        trades.settle(first);
        trades.settle(second);

        assertThat(trades.settle(first)).as("a late copy of the superseded revision").isFalse();
        assertThat(trades.settle(second)).as("a copy of the correction").isFalse();

        assertThat(trades.find(tradeId)).get().satisfies(trade -> {
            assertThat(trade.settlementStatus()).isEqualTo("FILLED");
            assertThat(trade.settlementRevision()).isEqualTo(2);
        });
    }

    @Test
    void shouldStoreACorrectionThatArrivesBeforeTheDecisionIsTracked() {
        String tradeId = "trade-" + UUID.randomUUID();

        assertThat(trades.settle(correction(provisional(tradeId)))).isTrue();

        assertThat(trades.find(tradeId)).get().extracting(TrackedTradeRepository.TrackedTrade::settlementRevision)
                .isEqualTo(2);
    }

    /** 1,000 SOL split between Jupiter and a pool, settled provisionally with only Jupiter's half filled. */
    private static TradeSettled provisional(String tradeId) {
        BigInteger halfOut = BigInteger.valueOf(74_812_500_000L);
        RouteDecided split = RouteDecidedMother.routeDecided(tradeId, SOL, USDC, List.of(
                RouteDecidedMother.dexLeg(tradeId + "-dex", HALF_SOL, halfOut, halfOut),
                RouteDecidedMother.otcLeg(tradeId + "-otc", "pool", "q-" + tradeId, HALF_SOL, halfOut, halfOut)))
                .setOccurredAt(SETTLED.minusSeconds(30)).build();
        return TradeSettledMother.filled(split, halfOut, SETTLED).setStatus(TradeStatus.PARTIALLY_FILLED)
                .setFilledInAmount(EventDecimals.atomic(HALF_SOL)).build();
    }

    private static TradeSettled correction(TradeSettled first) {
        return TradeSettled.newBuilder(first).setEventId(UUID.randomUUID().toString())
                .setStatus(TradeStatus.FILLED).setFilledInAmount(first.getAmountIn())
                .setOutAmount(EventDecimals.atomic(BigInteger.valueOf(149_625_000_000L)))
                .setSettledAt(SETTLED.plusSeconds(20)).setOccurredAt(SETTLED.plusSeconds(20)).setRevision(2)
                .setSupersedes(TradeSettledMother.figuresOf(first))
                .build();
    }
}
