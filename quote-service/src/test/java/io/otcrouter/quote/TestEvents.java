package io.otcrouter.quote;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.otcrouter.events.QuoteRequested;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.testsupport.events.QuoteRequestedMother;
import io.otcrouter.testsupport.events.RouteDecidedMother;

/** quote-service's scenarios over test-support's Object Mothers: SOL to USDC, indicative requests, Jupiter legs. */
public final class TestEvents {

    private TestEvents() {
    }

    public static QuoteRequested solToUsdcRequest(String requestId, BigDecimal solUnits, Instant replyBy) {
        return QuoteRequestedMother.indicative(SOL, USDC, SOL.toAtomic(solUnits)).setRequestId(requestId)
                .setReplyBy(replyBy).build();
    }

    public static QuoteRequested solToUsdcRequest(String requestId, BigDecimal solUnits) {
        return solToUsdcRequest(requestId, solUnits,
                Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMinutes(5)));
    }

    public static RouteLeg dexLeg(String legId, BigInteger inAmount, BigInteger minOutAmount) {
        return RouteDecidedMother.dexLeg(legId, inAmount, minOutAmount, minOutAmount);
    }

    public static RouteDecided routeDecided(String tradeId, RouteLeg... legs) {
        return RouteDecidedMother.routeDecided(tradeId, SOL, USDC, List.of(legs)).build();
    }
}
