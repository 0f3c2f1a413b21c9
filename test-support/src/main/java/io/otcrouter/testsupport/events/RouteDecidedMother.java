package io.otcrouter.testsupport.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/**
 * Object Mother of {@link RouteDecided} and its {@link RouteLeg}s: a decision made now whose size and expected
 * output are the sums of its legs, its route what the legs' venues make it, with no candidates listed.
 */
public final class RouteDecidedMother {

    private RouteDecidedMother() {
    }

    public static RouteDecided.Builder routeDecided(String tradeId, Token input, Token output, List<RouteLeg> legs) {
        return RouteDecided.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(TestClock.now())
                .setTradeId(tradeId)
                .setRequestId(UUID.randomUUID().toString())
                .setPair(TokenCatalog.pair(input, output))
                .setInputSymbol(input.symbol())
                .setInputMint(input.mint())
                .setInputDecimals(input.decimals())
                .setOutputSymbol(output.symbol())
                .setOutputMint(output.mint())
                .setOutputDecimals(output.decimals())
                .setAmountIn(EventDecimals.atomic(sum(legs, RouteLeg::getInAmount)))
                .setSlippageBps(QuoteRequestedMother.SLIPPAGE_BPS)
                .setRoute(routeOf(legs))
                .setLegs(legs)
                .setCandidates(List.of())
                .setExpectedOutAmount(EventDecimals.atomic(sum(legs, RouteLeg::getExpectedOutAmount)))
                .setReason("test decision");
    }

    public static RouteLeg leg(String legId, Venue venue, String poolId, String quoteId, BigInteger in,
            BigInteger expectedOut, BigInteger minOut) {
        return RouteLeg.newBuilder()
                .setLegId(legId)
                .setVenue(venue)
                .setPoolId(poolId)
                .setQuoteId(quoteId)
                .setInAmount(EventDecimals.atomic(in))
                .setExpectedOutAmount(EventDecimals.atomic(expectedOut))
                .setMinOutAmount(EventDecimals.atomic(minOut))
                .build();
    }

    public static RouteLeg otcLeg(String legId, String poolId, String quoteId, BigInteger in, BigInteger expectedOut,
            BigInteger minOut) {
        return leg(legId, Venue.OTC, poolId, quoteId, in, expectedOut, minOut);
    }

    /** A Jupiter leg: no pool, no quote to hold. */
    public static RouteLeg dexLeg(String legId, BigInteger in, BigInteger expectedOut, BigInteger minOut) {
        return leg(legId, Venue.DEX, null, null, in, expectedOut, minOut);
    }

    private static Route routeOf(List<RouteLeg> legs) {
        if (legs.size() > 1) {
            return Route.SPLIT;
        }
        return !legs.isEmpty() && legs.get(0).getVenue() == Venue.DEX ? Route.DEX : Route.OTC;
    }

    private static BigInteger sum(List<RouteLeg> legs, Function<RouteLeg, BigDecimal> amount) {
        return legs.stream().map(leg -> EventDecimals.toAtomic(amount.apply(leg))).reduce(BigInteger.ZERO,
                BigInteger::add);
    }
}
