package io.otcrouter.dashboard;

import static io.otcrouter.testsupport.events.TestTokens.SOL;
import static io.otcrouter.testsupport.events.TestTokens.USDC;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolStateChanged;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.QuoteSource;
import io.otcrouter.events.Route;
import io.otcrouter.events.RouteCandidate;
import io.otcrouter.events.RouteDecided;
import io.otcrouter.events.RouteLeg;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.testsupport.events.PoolStateChangedMother;
import io.otcrouter.testsupport.events.PriceUpdatedMother;
import io.otcrouter.testsupport.events.RouteDecidedMother;
import io.otcrouter.testsupport.events.TradeSettledMother;

/** The dashboard's scenarios over test-support's Object Mothers, with named, realistic values. */
public final class DashboardEvents {


    /** 1,000 SOL in lamports. */
    public static final BigInteger THOUSAND_SOL_ATOMIC = new BigInteger("1000000000000");
    /** 149,625 USDC in micro-USDC: 1,000 SOL at 149.625. */
    public static final BigInteger USDC_OUT_ATOMIC = new BigInteger("149625000000");
    public static final BigDecimal VOLUME_USD = new BigDecimal("150000");
    public static final BigDecimal SAVING_USD = new BigDecimal("375.5");
    public static final Instant SETTLED_AT = Instant.parse("2026-03-14T10:15:30.123Z");

    private DashboardEvents() {
    }

    /** A filled 1,000 SOL → USDC trade: the settlement of {@link #decision}, on another route if told. */
    public static TradeSettled.Builder solToUsdc(String tradeId, Route route) {
        return TradeSettledMother.filled(decision(tradeId, "sol-usdc-main").build(), USDC_OUT_ATOMIC, SETTLED_AT)
                .setRoute(route)
                .setSavingUsd(EventDecimals.usd(SAVING_USD))
                .setVolumeUsd(EventDecimals.usd(VOLUME_USD))
                .setExecutionPrice(EventDecimals.price(new BigDecimal("149.625")))
                .setJupiterPriceImpactPct(EventDecimals.price(PRICE_IMPACT))
                .setSlippageVsQuoteBps(EventDecimals.ratio(BigDecimal.ZERO))
                .setShortfallVsArrivalBps(EventDecimals.ratio(new BigDecimal("25")));
    }

    /** Jupiter's price impact for 1,000 SOL, a fraction: 1.23 %. */
    public static final BigDecimal PRICE_IMPACT = new BigDecimal("0.0123");

    /** The router's decision for {@link #solToUsdc}: all to the OTC pool, DEX and pool both quoted. */
    public static RouteDecided.Builder decision(String tradeId, String poolId) {
        BigInteger baseline = new BigInteger("149249500000");
        RouteLeg leg = RouteDecidedMother.otcLeg(tradeId + "-1", poolId, "quote-" + tradeId, THOUSAND_SOL_ATOMIC,
                USDC_OUT_ATOMIC, new BigInteger("148876875000"));
        return RouteDecidedMother.routeDecided(tradeId, SOL, USDC, List.of(leg))
                .setOccurredAt(SETTLED_AT.minusSeconds(2))
                .setRequestId("request-" + tradeId)
                .setClientOrderId("order-" + tradeId)
                .setCandidates(List.of(
                        RouteCandidate.newBuilder().setLabel("DEX").setRoute(Route.DEX).setAvailable(true)
                                .setOutAmount(EventDecimals.atomic(baseline)).build(),
                        RouteCandidate.newBuilder().setLabel("OTC:" + poolId).setRoute(Route.OTC).setAvailable(true)
                                .setOutAmount(EventDecimals.atomic(USDC_OUT_ATOMIC)).build(),
                        RouteCandidate.newBuilder().setLabel("OTC:sol-usdc-backup").setRoute(Route.OTC)
                                .setAvailable(false).setReason("inventory below the trade size").build()))
                .setDexBaselineOutAmount(EventDecimals.atomic(baseline))
                .setExpectedSavingOutAmount(EventDecimals.atomic(USDC_OUT_ATOMIC.subtract(baseline)))
                .setJupiterPriceImpactPct(EventDecimals.price(PRICE_IMPACT))
                .setDexQuoteSource(QuoteSource.SIMULATED)
                .setReason("OTC " + poolId + " returns 375.5 USDC more than Jupiter");
    }

    /** A SOL/USDC pool holding 5,000 SOL of its initial 10,000 and 750,000 USDC. */
    public static PoolStateChanged.Builder pool(String poolId) {
        return PoolStateChangedMother.seeded(poolId, SOL, USDC, SOL.toAtomic(new BigDecimal("5000")),
                        USDC.toAtomic(new BigDecimal("750000")), SETTLED_AT)
                .setInitialBaseInventory(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("10000"))))
                .setMinTradeBase(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("10"))))
                .setMaxTradeBase(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("2000"))));
    }

    public static PriceUpdated.Builder price(Token token, BigDecimal priceUsd, PriceSource source, Instant at) {
        return PriceUpdatedMother.priceUpdated(token, priceUsd, at)
                .setChange24hPct(EventDecimals.ratio(new BigDecimal("-1.25")))
                .setSource(source)
                .setStale(source == PriceSource.STATIC);
    }
}
