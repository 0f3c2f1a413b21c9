package io.otcrouter.testsupport.events;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.JupiterQuoteStatus;
import io.otcrouter.events.JupiterQuoted;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.QuoteSource;

/** Object Mother of {@link JupiterQuoted}: a simulated Jupiter answer to a request, its threshold 0.5 % below. */
public final class JupiterQuotedMother {

    private JupiterQuotedMother() {
    }

    public static JupiterQuoted.Builder quoted(QuoteRequested request, BigInteger out, Instant at) {
        return JupiterQuoted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setRequestId(request.getRequestId())
                .setPair(request.getPair())
                .setInputMint(request.getInputMint())
                .setOutputMint(request.getOutputMint())
                .setInAmount(request.getAmountIn())
                .setStatus(JupiterQuoteStatus.QUOTED)
                .setSource(QuoteSource.SIMULATED)
                .setOutAmount(EventDecimals.atomic(out))
                .setOtherAmountThreshold(EventDecimals.atomic(
                        out.multiply(BigInteger.valueOf(9950)).divide(BigInteger.valueOf(10_000))));
    }
}
