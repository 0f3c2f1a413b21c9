package io.otcrouter.testsupport.events;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/** Object Mother of {@link QuoteRequested}: a firm request of a new trade, 50 bps slippage, made now. */
public final class QuoteRequestedMother {

    public static final int SLIPPAGE_BPS = 50;

    private QuoteRequestedMother() {
    }

    /** Answers are due 30 s after the request: generous, so a slow test machine does not look late. */
    public static QuoteRequested.Builder quoteRequested(Token input, Token output, BigInteger amountIn) {
        Instant now = TestClock.now();
        return QuoteRequested.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setRequestId(UUID.randomUUID().toString())
                .setTradeId(UUID.randomUUID().toString())
                .setPair(TokenCatalog.pair(input, output))
                .setInputSymbol(input.symbol())
                .setInputMint(input.mint())
                .setInputDecimals(input.decimals())
                .setOutputSymbol(output.symbol())
                .setOutputMint(output.mint())
                .setOutputDecimals(output.decimals())
                .setAmountIn(EventDecimals.atomic(amountIn))
                .setSlippageBps(SLIPPAGE_BPS)
                .setIndicative(false)
                .setReplyBy(now.plusSeconds(30));
    }

    /** An indicative request (GET /api/quote): no trade, nothing reserved. */
    public static QuoteRequested.Builder indicative(Token input, Token output, BigInteger amountIn) {
        return quoteRequested(input, output, amountIn).setTradeId(null).setIndicative(true);
    }
}
