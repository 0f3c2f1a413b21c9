package io.otcrouter.testsupport.events;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolQuoteStatus;
import io.otcrouter.events.PoolQuoted;
import io.otcrouter.events.QuoteRequested;

/** Object Mother of {@link PoolQuoted}: one pool's firm answer to a request, held for 10 s, alone in its reply. */
public final class PoolQuotedMother {

    private PoolQuotedMother() {
    }

    public static PoolQuoted.Builder quoted(QuoteRequested request, String poolId, BigInteger out, Instant at) {
        return PoolQuoted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setRequestId(request.getRequestId())
                .setPair(request.getPair())
                .setPoolId(poolId)
                .setQuoteId(UUID.randomUUID().toString())
                .setStatus(PoolQuoteStatus.QUOTED)
                .setInputMint(request.getInputMint())
                .setOutputMint(request.getOutputMint())
                .setInAmount(request.getAmountIn())
                .setOutAmount(EventDecimals.atomic(out))
                .setExpiresAt(at.plusSeconds(10))
                .setPoolsInReply(1);
    }
}
