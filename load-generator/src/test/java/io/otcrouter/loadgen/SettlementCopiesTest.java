package io.otcrouter.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.otcrouter.events.Route;
import io.otcrouter.events.SettlementFigures;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;

class SettlementCopiesTest {

    private static final Instant AT = Instant.parse("2026-12-05T02:00:00Z");

    @Test
    void shouldTellTheSameEventSentAgainFromASecondSettlement() {
        TradeSettled first = settled("e-1", TradeStatus.FILLED, 1);
        EventWatcher.Settlement settlement = new EventWatcher.Settlement(0, first);

        settlement.seenAgain(first);
        settlement.seenAgain(settled("e-1", TradeStatus.FAILED, 1));

        assertThat(settlement.copies()).hasValue(3);
        assertThat(settlement.different()).hasValue(1);
        assertThat(settlement.corrections()).isZero();
    }

    @Test
    void shouldCountACorrectionAsTheTradesLatestStatusAndNotAsADuplicate() {
        TradeSettled provisional = settled("e-1", TradeStatus.PARTIALLY_FILLED, 1);
        TradeSettled correction = TradeSettled.newBuilder(settled("e-2", TradeStatus.FILLED, 2))
                .setSupersedes(SettlementFigures.newBuilder().setRevision(1).setStatus(TradeStatus.PARTIALLY_FILLED)
                        .setFilledInAmount(BigDecimal.valueOf(500)).setOutAmount(BigDecimal.valueOf(75))
                        .setSettledAt(AT).build())
                .build();
        EventWatcher.Settlement settlement = new EventWatcher.Settlement(42, provisional);

        settlement.seenAgain(correction);
        settlement.seenAgain(correction);
        settlement.seenAgain(provisional);

        assertThat(settlement.status()).isEqualTo("FILLED");
        assertThat(settlement.revision()).isEqualTo(2);
        assertThat(settlement.corrections()).isEqualTo(1);
        assertThat(settlement.seenNanos()).as("latency to the first settlement").isEqualTo(42);
        assertThat(settlement.different()).as("copies of either revision are not second settlements").hasValue(0);
        assertThat(settlement.copies().get() - 1 - settlement.different().get()).as("republished copies")
                .isEqualTo(2);
    }

    private static TradeSettled settled(String eventId, TradeStatus status, int revision) {
        BigDecimal amount = BigDecimal.valueOf(1000);
        return TradeSettled.newBuilder().setEventId(eventId).setOccurredAt(AT).setTradeId("t-1")
                .setClientOrderId("run-1").setPair("SOL/USDC").setInputSymbol("SOL").setInputMint("sol")
                .setInputDecimals(9).setOutputSymbol("USDC").setOutputMint("usdc").setOutputDecimals(6)
                .setRoute(Route.SPLIT).setStatus(status).setAmountIn(amount).setFilledInAmount(amount)
                .setOutAmount(BigDecimal.valueOf(150)).setExpectedOutAmount(BigDecimal.valueOf(150))
                .setDecidedAt(AT).setSettledAt(AT).setRevision(revision).build();
    }
}
