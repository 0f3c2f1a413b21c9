package io.otcrouter.otcpool.execution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;

/** One OTC leg being executed, and the {@link LegExecuted} events that can report it. */
record LegOutcome(RouteDecided decision, RouteLeg leg, Instant at) {

    String tradeId() {
        return decision.getTradeId();
    }

    String legId() {
        return leg.getLegId();
    }

    BigInteger inAmount() {
        return EventDecimals.toAtomic(leg.getInAmount());
    }

    LegExecuted filled(BigInteger outAmount, BigDecimal price) {
        return base().setStatus(LegStatus.FILLED)
                .setOutAmount(EventDecimals.atomic(outAmount))
                .setExecutionPrice(EventDecimals.price(price))
                .build();
    }

    LegExecuted rejected(String reason) {
        return base().setStatus(LegStatus.REJECTED)
                .setReason(reason)
                .setOutAmount(EventDecimals.atomic(BigInteger.ZERO))
                .build();
    }

    private LegExecuted.Builder base() {
        return LegExecuted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setTradeId(tradeId())
                .setLegId(legId())
                .setVenue(Venue.OTC)
                .setPoolId(leg.getPoolId())
                .setQuoteId(leg.getQuoteId())
                .setInAmount(leg.getInAmount())
                .setExecutedAt(at);
    }
}
