package io.otcrouter.otcpool.execution;

import java.math.BigInteger;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;

/** What this service needs of one OTC leg of a routing decision. Amounts atomic. */
record LegRequest(String tradeId, String legId, String poolId, String quoteId, String inputMint, String outputMint,
        String pair, BigInteger inAmount, BigInteger minOut) {

    static LegRequest of(RouteDecided decision, RouteLeg leg) {
        return new LegRequest(decision.getTradeId(), leg.getLegId(), leg.getPoolId(), leg.getQuoteId(),
                decision.getInputMint(), decision.getOutputMint(), decision.getPair(),
                EventDecimals.toAtomic(leg.getInAmount()), EventDecimals.toAtomic(leg.getMinOutAmount()));
    }
}
