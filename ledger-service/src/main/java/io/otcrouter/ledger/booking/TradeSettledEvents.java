package io.otcrouter.ledger.booking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.UnaryOperator;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;

/** Maps a settled trade to its contract event, at the contract's fixed decimal scales. */
final class TradeSettledEvents {

    private TradeSettledEvents() {
    }

    static TradeSettled of(Trade trade, String eventId) {
        return TradeSettled.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(trade.getSettledAt())
                .setTradeId(trade.getTradeId())
                .setClientOrderId(trade.getClientOrderId())
                .setPair(trade.getPair())
                .setInputSymbol(trade.getInputSymbol())
                .setInputMint(trade.getInputMint())
                .setInputDecimals(trade.getInputDecimals())
                .setOutputSymbol(trade.getOutputSymbol())
                .setOutputMint(trade.getOutputMint())
                .setOutputDecimals(trade.getOutputDecimals())
                .setRoute(trade.getRoute())
                .setStatus(TradeStatus.valueOf(trade.getStatus().name()))
                .setAmountIn(EventDecimals.atomic(trade.getAmountIn()))
                .setFilledInAmount(EventDecimals.atomic(trade.getFilledInAmount()))
                .setOutAmount(EventDecimals.atomic(trade.getOutAmount()))
                .setExpectedOutAmount(EventDecimals.atomic(trade.getExpectedOutAmount()))
                .setDexBaselineOutAmount(atomicOrNull(trade.getDexBaselineOutAmount()))
                .setSavingOutAmount(atomicOrNull(trade.getSavingOutAmount()))
                .setSavingUsd(scaled(trade.getSavingUsd(), EventDecimals::usd))
                .setVolumeUsd(scaled(trade.getVolumeUsd(), EventDecimals::usd))
                .setExecutionPrice(scaled(trade.getExecutionPrice(), EventDecimals::price))
                .setSlippageVsQuoteBps(scaled(trade.getSlippageVsQuoteBps(), EventDecimals::ratio))
                .setShortfallVsArrivalBps(scaled(trade.getShortfallVsArrivalBps(), EventDecimals::ratio))
                .setJupiterPriceImpactPct(scaled(trade.getJupiterPriceImpactPct(), EventDecimals::price))
                .setDecidedAt(trade.getDecidedAt())
                .setSettledAt(trade.getSettledAt())
                .build();
    }

    private static BigDecimal atomicOrNull(BigInteger amount) {
        return amount == null ? null : EventDecimals.atomic(amount);
    }

    private static BigDecimal scaled(BigDecimal value, UnaryOperator<BigDecimal> scale) {
        return value == null ? null : scale.apply(value);
    }
}
