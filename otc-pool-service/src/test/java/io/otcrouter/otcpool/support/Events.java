package io.otcrouter.otcpool.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/** Object mother for the events the tests feed the service. */
public final class Events {

    public static final TokenCatalog TOKENS = TokenCatalog.defaults();
    public static final Token SOL = TOKENS.bySymbol("SOL").orElseThrow();
    public static final Token USDC = TOKENS.bySymbol("USDC").orElseThrow();
    public static final Token USDT = TOKENS.bySymbol("USDT").orElseThrow();
    public static final Token RAY = TOKENS.bySymbol("RAY").orElseThrow();
    public static final Token JUP = TOKENS.bySymbol("JUP").orElseThrow();
    public static final Token BONK = TOKENS.bySymbol("BONK").orElseThrow();
    public static final String SOL_USDC_POOL = "sol-usdc-main";

    private Events() {
    }

    public static PriceUpdated price(Token token, String usd) {
        Instant now = now();
        return PriceUpdated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setSymbol(token.symbol())
                .setMint(token.mint())
                .setPriceUsd(EventDecimals.price(new BigDecimal(usd)))
                .setSource(PriceSource.COINGECKO)
                .setObservedAt(now)
                .setStale(false)
                .build();
    }

    public static QuoteRequested quoteRequest(Token input, Token output, String units) {
        Instant now = now();
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
                .setAmountIn(EventDecimals.atomic(input.toAtomic(new BigDecimal(units))))
                .setSlippageBps(50)
                .setIndicative(false)
                // Generous: a request read after its deadline is skipped; a slow test machine must not look late.
                .setReplyBy(now.plusSeconds(30))
                .build();
    }

    /** SOL→USDC, everything to the sol-usdc-main pool in one OTC leg. */
    public static RouteDecided otcDecision(String solUnits, BigInteger minOut) {
        return otcDecision(SOL, USDC, SOL_USDC_POOL, UUID.randomUUID().toString(),
                SOL.toAtomic(new BigDecimal(solUnits)), minOut);
    }

    /** {@code input}→{@code output}, everything to {@code poolId} in one OTC leg naming {@code quoteId}. */
    public static RouteDecided otcDecision(Token input, Token output, String poolId, String quoteId, BigInteger in,
            BigInteger minOut) {
        RouteLeg leg = RouteLeg.newBuilder()
                .setLegId("otc-1")
                .setVenue(Venue.OTC)
                .setPoolId(poolId)
                .setQuoteId(quoteId)
                .setInAmount(EventDecimals.atomic(in))
                .setExpectedOutAmount(EventDecimals.atomic(minOut))
                .setMinOutAmount(EventDecimals.atomic(minOut))
                .build();
        return RouteDecided.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setTradeId(UUID.randomUUID().toString())
                .setRequestId(UUID.randomUUID().toString())
                .setPair(TokenCatalog.pair(input, output))
                .setInputSymbol(input.symbol())
                .setInputMint(input.mint())
                .setInputDecimals(input.decimals())
                .setOutputSymbol(output.symbol())
                .setOutputMint(output.mint())
                .setOutputDecimals(output.decimals())
                .setAmountIn(EventDecimals.atomic(in))
                .setSlippageBps(50)
                .setRoute(Route.OTC)
                .setLegs(List.of(leg))
                .setCandidates(List.of())
                .setExpectedOutAmount(EventDecimals.atomic(minOut))
                .setReason("OTC beats DEX")
                .build();
    }

    /** A request for an indicative quote (GET /api/quote): no trade, nothing reserved. */
    public static QuoteRequested indicativeRequest(Token input, Token output, String units) {
        return QuoteRequested.newBuilder(quoteRequest(input, output, units)).setTradeId(null).setIndicative(true)
                .build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
