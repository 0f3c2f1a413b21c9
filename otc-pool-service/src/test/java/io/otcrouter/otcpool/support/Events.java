package io.otcrouter.otcpool.support;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.testsupport.events.PriceUpdatedMother;
import io.otcrouter.testsupport.events.QuoteRequestedMother;
import io.otcrouter.testsupport.events.RouteDecidedMother;

/** otc-pool-service's scenarios over test-support's Object Mothers: named tokens and the pool they trade in. */
public final class Events {

    public static final String SOL_USDC_POOL = "sol-usdc-main";

    private Events() {
    }

    public static PriceUpdated price(Token token, String usd) {
        return PriceUpdatedMother.priceUpdated(token, usd);
    }

    public static QuoteRequested quoteRequest(Token input, Token output, String units) {
        return QuoteRequestedMother.quoteRequested(input, output, input.toAtomic(new BigDecimal(units))).build();
    }

    /** SOL→USDC, everything to the sol-usdc-main pool in one OTC leg. */
    public static RouteDecided otcDecision(String solUnits, BigInteger minOut) {
        return otcDecision(SOL, USDC, SOL_USDC_POOL, UUID.randomUUID().toString(),
                SOL.toAtomic(new BigDecimal(solUnits)), minOut);
    }

    /** {@code input}→{@code output}, everything to {@code poolId} in one OTC leg naming {@code quoteId}. */
    public static RouteDecided otcDecision(Token input, Token output, String poolId, String quoteId, BigInteger in,
            BigInteger minOut) {
        RouteLeg leg = RouteDecidedMother.otcLeg("otc-1", poolId, quoteId, in, minOut, minOut);
        return RouteDecidedMother.routeDecided(UUID.randomUUID().toString(), input, output, List.of(leg))
                .setReason("OTC beats DEX").build();
    }

    /** A request for an indicative quote (GET /api/quote): no trade, nothing reserved. */
    public static QuoteRequested indicativeRequest(Token input, Token output, String units) {
        return QuoteRequestedMother.indicative(input, output, input.toAtomic(new BigDecimal(units))).build();
    }
}
