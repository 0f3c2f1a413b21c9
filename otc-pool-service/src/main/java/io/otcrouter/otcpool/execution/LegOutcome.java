package io.otcrouter.otcpool.execution;

import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.Venue;

/** The {@link LegExecuted} reporting a completed {@link PoolFill}. */
final class LegOutcome {

    private LegOutcome() {
    }

    static LegExecuted of(PoolFill fill, Instant at) {
        LegExecuted.Builder event = LegExecuted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setTradeId(fill.getTradeId())
                .setLegId(fill.getLegId())
                .setVenue(Venue.OTC)
                .setPoolId(fill.getPoolId())
                .setQuoteId(fill.getQuoteId())
                .setInAmount(EventDecimals.atomic(fill.getInAmount()))
                .setOutAmount(EventDecimals.atomic(fill.getOutAmount()))
                .setExecutedAt(at);
        if (fill.getStatus() == FillStatus.FILLED) {
            return event.setStatus(LegStatus.FILLED).setExecutionPrice(EventDecimals.price(fill.getPrice()))
                    .setFillId("otc-fill-" + fill.getId()).build();
        }
        return event.setStatus(LegStatus.REJECTED).setReason(fill.getReason()).build();
    }
}
