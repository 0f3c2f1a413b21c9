package io.otcrouter.testsupport.events;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.RouteLeg;

/** Object Mother of {@link LegExecuted}: a decided leg filled in full at its venue, its pool and quote kept. */
public final class LegExecutedMother {

    private LegExecutedMother() {
    }

    public static LegExecuted.Builder filled(String tradeId, RouteLeg leg, BigInteger out, Instant at) {
        return LegExecuted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setTradeId(tradeId)
                .setLegId(leg.getLegId())
                .setVenue(leg.getVenue())
                .setPoolId(leg.getPoolId())
                .setQuoteId(leg.getQuoteId())
                .setStatus(LegStatus.FILLED)
                .setInAmount(leg.getInAmount())
                .setOutAmount(EventDecimals.atomic(out))
                .setExecutedAt(at);
    }
}
