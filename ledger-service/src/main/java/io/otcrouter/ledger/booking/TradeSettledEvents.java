package io.otcrouter.ledger.booking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.SettlementFigures;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;

/** Maps a settled trade to its contract event, at the contract's fixed decimal scales. */
final class TradeSettledEvents {

    private TradeSettledEvents() {
    }

    /**
     * The trade's settlement at its current revision.
     *
     * @param superseded the figures of the revision it corrects; null for revision 1
     */
    static TradeSettled of(Trade trade, SettlementFigures superseded) {
        return TradeSettled.newBuilder()
                .setEventId(eventId(trade.getTradeId(), trade.getRevision()))
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
                .setRevision(trade.getRevision())
                .setSupersedes(superseded)
                .build();
    }

    /** What the trade's current revision says, as a correction of it will carry it. */
    static SettlementFigures figures(Trade trade) {
        return figures(of(trade, null));
    }

    /** What a published settlement says, as a correction of it carries it. */
    static SettlementFigures figures(TradeSettled event) {
        return SettlementFigures.newBuilder()
                .setRevision(event.getRevision())
                .setStatus(event.getStatus())
                .setFilledInAmount(event.getFilledInAmount())
                .setOutAmount(event.getOutAmount())
                .setSavingOutAmount(event.getSavingOutAmount())
                .setSavingUsd(event.getSavingUsd())
                .setVolumeUsd(event.getVolumeUsd())
                .setExecutionPrice(event.getExecutionPrice())
                .setSlippageVsQuoteBps(event.getSlippageVsQuoteBps())
                .setShortfallVsArrivalBps(event.getShortfallVsArrivalBps())
                .setSettledAt(event.getSettledAt())
                .build();
    }

    /**
     * The id of a trade's settlement at {@code revision}, a name-based UUID: revision 1 keeps the id it had when a
     * trade had one settlement, so copies of it (a relay's resend, a rebuild) are still recognised by consumers; a
     * correction's id comes from the trade id and its revision.
     */
    static String eventId(String tradeId, int revision) {
        String name = revision == 1 ? "TradeSettled:" + tradeId : "TradeSettled:" + tradeId + ":" + revision;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static BigDecimal atomicOrNull(BigInteger amount) {
        return amount == null ? null : EventDecimals.atomic(amount);
    }

    private static BigDecimal scaled(BigDecimal value, UnaryOperator<BigDecimal> scale) {
        return value == null ? null : scale.apply(value);
    }
}
