package io.otcrouter.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.LegExecuted;
import io.otcrouter.events.LegStatus;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.Venue;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/** Object mother: 1,000 SOL sold for USDC through one OTC pool, at named, realistic amounts. */
public final class LedgerFixtures {

    public static final Token SOL = TokenCatalog.defaults().bySymbol("SOL").orElseThrow();
    public static final Token USDC = TokenCatalog.defaults().bySymbol("USDC").orElseThrow();

    /** 1,000 SOL in lamports. */
    public static final BigInteger THOUSAND_SOL = SOL.toAtomic(new BigDecimal("1000"));
    /** 149,625 USDC in micro-USDC: what the pool pays for 1,000 SOL. */
    public static final BigInteger OTC_OUT = USDC.toAtomic(new BigDecimal("149625"));
    /** 149,000 USDC: what Jupiter alone would have paid. */
    public static final BigInteger DEX_BASELINE = USDC.toAtomic(new BigDecimal("149000"));
    public static final BigDecimal SOL_PRICE_USD = new BigDecimal("150");
    public static final BigDecimal USDC_PRICE_USD = BigDecimal.ONE;
    public static final String POOL_ID = "sol-usdc-main";

    private LedgerFixtures() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static RouteDecided otcDecision(String tradeId) {
        RouteLeg leg = RouteLeg.newBuilder()
                .setLegId(otcLegId(tradeId))
                .setVenue(Venue.OTC)
                .setPoolId(POOL_ID)
                .setQuoteId("quote-" + tradeId)
                .setInAmount(EventDecimals.atomic(THOUSAND_SOL))
                .setExpectedOutAmount(EventDecimals.atomic(OTC_OUT))
                .setMinOutAmount(EventDecimals.atomic(OTC_OUT.multiply(BigInteger.valueOf(995)).divide(
                        BigInteger.valueOf(1000))))
                .build();
        return RouteDecided.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setTradeId(tradeId)
                .setRequestId("request-" + tradeId)
                .setClientOrderId("client-" + tradeId)
                .setPair(TokenCatalog.pair(SOL, USDC))
                .setInputSymbol(SOL.symbol())
                .setInputMint(SOL.mint())
                .setInputDecimals(SOL.decimals())
                .setOutputSymbol(USDC.symbol())
                .setOutputMint(USDC.mint())
                .setOutputDecimals(USDC.decimals())
                .setAmountIn(EventDecimals.atomic(THOUSAND_SOL))
                .setSlippageBps(50)
                .setRoute(Route.OTC)
                .setLegs(List.of(leg))
                .setCandidates(List.of())
                .setExpectedOutAmount(EventDecimals.atomic(OTC_OUT))
                .setDexBaselineOutAmount(EventDecimals.atomic(DEX_BASELINE))
                .setExpectedSavingOutAmount(EventDecimals.atomic(OTC_OUT.subtract(DEX_BASELINE)))
                .setJupiterPriceImpactPct(EventDecimals.price(new BigDecimal("0.0042")))
                .setInputPriceUsd(EventDecimals.price(SOL_PRICE_USD))
                .setOutputPriceUsd(EventDecimals.price(USDC_PRICE_USD))
                .setReason("OTC pays 625 USDC more than Jupiter for the full size")
                .build();
    }

    public static LegExecuted otcFill(String tradeId) {
        return LegExecuted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setTradeId(tradeId)
                .setLegId(otcLegId(tradeId))
                .setVenue(Venue.OTC)
                .setPoolId(POOL_ID)
                .setQuoteId("quote-" + tradeId)
                .setStatus(LegStatus.FILLED)
                .setInAmount(EventDecimals.atomic(THOUSAND_SOL))
                .setOutAmount(EventDecimals.atomic(OTC_OUT))
                .setExecutionPrice(EventDecimals.price(new BigDecimal("149.625")))
                .setExecutedAt(now())
                .build();
    }

    public static String otcLegId(String tradeId) {
        return tradeId + "-otc";
    }
}
