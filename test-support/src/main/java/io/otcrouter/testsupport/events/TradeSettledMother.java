package io.otcrouter.testsupport.events;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.SettlementFigures;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;

/**
 * Object Mother of {@link TradeSettled}: a decided trade filled in full for {@code out}, its saving measured
 * against the decision's DEX baseline when it has one.
 */
public final class TradeSettledMother {

    private TradeSettledMother() {
    }

    public static TradeSettled.Builder filled(RouteDecided decision, BigInteger out, Instant settledAt) {
        BigInteger baseline = decision.getDexBaselineOutAmount() == null ? null
                : EventDecimals.toAtomic(decision.getDexBaselineOutAmount());
        return TradeSettled.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(settledAt)
                .setTradeId(decision.getTradeId())
                .setClientOrderId(decision.getClientOrderId())
                .setPair(decision.getPair())
                .setInputSymbol(decision.getInputSymbol())
                .setInputMint(decision.getInputMint())
                .setInputDecimals(decision.getInputDecimals())
                .setOutputSymbol(decision.getOutputSymbol())
                .setOutputMint(decision.getOutputMint())
                .setOutputDecimals(decision.getOutputDecimals())
                .setRoute(decision.getRoute())
                .setStatus(TradeStatus.FILLED)
                .setAmountIn(decision.getAmountIn())
                .setFilledInAmount(decision.getAmountIn())
                .setOutAmount(EventDecimals.atomic(out))
                .setExpectedOutAmount(decision.getExpectedOutAmount())
                .setDexBaselineOutAmount(decision.getDexBaselineOutAmount())
                .setSavingOutAmount(baseline == null ? null : EventDecimals.atomic(out.subtract(baseline)))
                .setDecidedAt(decision.getOccurredAt())
                .setSettledAt(settledAt);
    }

    /** What a correction of {@code settlement} names as superseded: its revision and every figure of it. */
    public static SettlementFigures figuresOf(TradeSettled settlement) {
        return SettlementFigures.newBuilder()
                .setRevision(settlement.getRevision())
                .setStatus(settlement.getStatus())
                .setFilledInAmount(settlement.getFilledInAmount())
                .setOutAmount(settlement.getOutAmount())
                .setSavingOutAmount(settlement.getSavingOutAmount())
                .setSavingUsd(settlement.getSavingUsd())
                .setVolumeUsd(settlement.getVolumeUsd())
                .setExecutionPrice(settlement.getExecutionPrice())
                .setSlippageVsQuoteBps(settlement.getSlippageVsQuoteBps())
                .setShortfallVsArrivalBps(settlement.getShortfallVsArrivalBps())
                .setSettledAt(settlement.getSettledAt())
                .build();
    }
}
