package io.otcrouter.router.routing;

import java.math.BigInteger;

import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/** A validated trade request: tokens resolved, amount in atomic units of the input token. */
public record TradeIntent(Token input, Token output, BigInteger amountIn, int slippageBps, String clientOrderId) {

    public String pair() {
        return TokenCatalog.pair(input, output);
    }
}
