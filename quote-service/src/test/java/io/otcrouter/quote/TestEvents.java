package io.otcrouter.quote;

import static io.otcrouter.quote.TestTokens.SOL;
import static io.otcrouter.quote.TestTokens.USDC;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;
import io.otcrouter.events.tokens.TokenCatalog;

/** Object mother for the events quote-service consumes: SOL to USDC unless changed. */
public final class TestEvents {

    public static final int SLIPPAGE_BPS = 50;

    private TestEvents() {
    }

    public static QuoteRequested solToUsdcRequest(String requestId, BigDecimal solUnits, Instant replyBy) {
        return QuoteRequested.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setRequestId(requestId)
                .setTradeId(null)
                .setPair(TokenCatalog.pair(SOL, USDC))
                .setInputSymbol(SOL.symbol())
                .setInputMint(SOL.mint())
                .setInputDecimals(SOL.decimals())
                .setOutputSymbol(USDC.symbol())
                .setOutputMint(USDC.mint())
                .setOutputDecimals(USDC.decimals())
                .setAmountIn(EventDecimals.atomic(SOL.toAtomic(solUnits)))
                .setSlippageBps(SLIPPAGE_BPS)
                .setIndicative(true)
                .setReplyBy(replyBy)
                .build();
    }

    public static QuoteRequested solToUsdcRequest(String requestId, BigDecimal solUnits) {
        return solToUsdcRequest(requestId, solUnits, now().plus(Duration.ofMinutes(5)));
    }

    public static RouteLeg dexLeg(String legId, BigInteger inAmount, BigInteger minOutAmount) {
        return RouteLeg.newBuilder()
                .setLegId(legId)
                .setVenue(Venue.DEX)
                .setPoolId(null)
                .setQuoteId(null)
                .setInAmount(EventDecimals.atomic(inAmount))
                .setExpectedOutAmount(EventDecimals.atomic(minOutAmount))
                .setMinOutAmount(EventDecimals.atomic(minOutAmount))
                .build();
    }

    public static RouteDecided routeDecided(String tradeId, RouteLeg... legs) {
        BigInteger amountIn = List.of(legs).stream().map(leg -> EventDecimals.toAtomic(leg.getInAmount()))
                .reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger expectedOut = List.of(legs).stream()
                .map(leg -> EventDecimals.toAtomic(leg.getExpectedOutAmount()))
                .reduce(BigInteger.ZERO, BigInteger::add);
        return RouteDecided.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setTradeId(tradeId)
                .setRequestId(UUID.randomUUID().toString())
                .setClientOrderId(null)
                .setPair(TokenCatalog.pair(SOL, USDC))
                .setInputSymbol(SOL.symbol())
                .setInputMint(SOL.mint())
                .setInputDecimals(SOL.decimals())
                .setOutputSymbol(USDC.symbol())
                .setOutputMint(USDC.mint())
                .setOutputDecimals(USDC.decimals())
                .setAmountIn(EventDecimals.atomic(amountIn))
                .setSlippageBps(SLIPPAGE_BPS)
                .setRoute(legs.length > 1 ? Route.SPLIT : legs[0].getVenue() == Venue.DEX ? Route.DEX : Route.OTC)
                .setLegs(List.of(legs))
                .setCandidates(List.of())
                .setExpectedOutAmount(EventDecimals.atomic(expectedOut))
                .setReason("test decision")
                .build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
