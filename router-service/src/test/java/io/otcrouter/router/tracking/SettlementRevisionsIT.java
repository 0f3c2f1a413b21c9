package io.otcrouter.router.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.Route;
import io.otcrouter.events.SettlementFigures;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.router.EmbeddedPostgresHolder;

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
        trades = new TrackedTradeRepository(EmbeddedPostgresHolder.migratedRouterSchema());
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

    private static TradeSettled provisional(String tradeId) {
        BigDecimal amountIn = EventDecimals.atomic(THOUSAND_SOL);
        return TradeSettled.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(SETTLED)
                .setTradeId(tradeId).setPair("SOL/USDC").setInputSymbol("SOL")
                .setInputMint("So11111111111111111111111111111111111111112").setInputDecimals(9)
                .setOutputSymbol("USDC").setOutputMint("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v")
                .setOutputDecimals(6).setRoute(Route.SPLIT).setStatus(TradeStatus.PARTIALLY_FILLED)
                .setAmountIn(amountIn).setFilledInAmount(EventDecimals.atomic(HALF_SOL))
                .setOutAmount(EventDecimals.atomic(BigInteger.valueOf(74_812_500_000L)))
                .setExpectedOutAmount(EventDecimals.atomic(BigInteger.valueOf(149_625_000_000L)))
                .setDecidedAt(SETTLED.minusSeconds(30)).setSettledAt(SETTLED).build();
    }

    private static TradeSettled correction(TradeSettled first) {
        return TradeSettled.newBuilder(first).setEventId(UUID.randomUUID().toString())
                .setStatus(TradeStatus.FILLED).setFilledInAmount(first.getAmountIn())
                .setOutAmount(EventDecimals.atomic(BigInteger.valueOf(149_625_000_000L)))
                .setSettledAt(SETTLED.plusSeconds(20)).setOccurredAt(SETTLED.plusSeconds(20)).setRevision(2)
                .setSupersedes(SettlementFigures.newBuilder().setRevision(1).setStatus(first.getStatus())
                        .setFilledInAmount(first.getFilledInAmount()).setOutAmount(first.getOutAmount())
                        .setSettledAt(first.getSettledAt()).build())
                .build();
    }
}
