package io.otcrouter.dashboard;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import io.otcrouter.events.TradeStatus;
import io.otcrouter.events.Venue;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/** Object mother for the events the dashboard consumes, with named, realistic values. */
public final class DashboardEvents {

    public static final Token SOL = TokenCatalog.defaults().bySymbol("SOL").orElseThrow();
    public static final Token USDC = TokenCatalog.defaults().bySymbol("USDC").orElseThrow();
    public static final Token BONK = TokenCatalog.defaults().bySymbol("BONK").orElseThrow();
    public static final Token USDT = TokenCatalog.defaults().bySymbol("USDT").orElseThrow();
    public static final Token JUP = TokenCatalog.defaults().bySymbol("JUP").orElseThrow();
    public static final Token RAY = TokenCatalog.defaults().bySymbol("RAY").orElseThrow();

    /** 1,000 SOL in lamports. */
    public static final BigInteger THOUSAND_SOL_ATOMIC = new BigInteger("1000000000000");
    /** 149,625 USDC in micro-USDC: 1,000 SOL at 149.625. */
    public static final BigInteger USDC_OUT_ATOMIC = new BigInteger("149625000000");
    public static final BigDecimal VOLUME_USD = new BigDecimal("150000");
    public static final BigDecimal SAVING_USD = new BigDecimal("375.5");
    public static final Instant SETTLED_AT = Instant.parse("2026-03-14T10:15:30.123Z");

    private DashboardEvents() {
    }

    /** A filled 1,000 SOL → USDC trade. */
    public static TradeSettled.Builder solToUsdc(String tradeId, Route route) {
        return TradeSettled.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(SETTLED_AT)
                .setTradeId(tradeId)
                .setClientOrderId("order-" + tradeId)
                .setPair(TokenCatalog.pair(SOL, USDC))
                .setInputSymbol(SOL.symbol()).setInputMint(SOL.mint()).setInputDecimals(SOL.decimals())
                .setOutputSymbol(USDC.symbol()).setOutputMint(USDC.mint()).setOutputDecimals(USDC.decimals())
                .setRoute(route)
                .setStatus(TradeStatus.FILLED)
                .setAmountIn(EventDecimals.atomic(THOUSAND_SOL_ATOMIC))
                .setFilledInAmount(EventDecimals.atomic(THOUSAND_SOL_ATOMIC))
                .setOutAmount(EventDecimals.atomic(USDC_OUT_ATOMIC))
                .setExpectedOutAmount(EventDecimals.atomic(USDC_OUT_ATOMIC))
                .setDexBaselineOutAmount(EventDecimals.atomic(new BigInteger("149249500000")))
                .setSavingOutAmount(EventDecimals.atomic(new BigInteger("375500000")))
                .setSavingUsd(EventDecimals.usd(SAVING_USD))
                .setVolumeUsd(EventDecimals.usd(VOLUME_USD))
                .setExecutionPrice(EventDecimals.price(new BigDecimal("149.625")))
                .setJupiterPriceImpactPct(EventDecimals.price(PRICE_IMPACT))
                .setSlippageVsQuoteBps(EventDecimals.ratio(BigDecimal.ZERO))
                .setShortfallVsArrivalBps(EventDecimals.ratio(new BigDecimal("25")))
                .setDecidedAt(SETTLED_AT.minusSeconds(2))
                .setSettledAt(SETTLED_AT);
    }

    /** Jupiter's price impact for 1,000 SOL, a fraction: 1.23 %. */
    public static final BigDecimal PRICE_IMPACT = new BigDecimal("0.0123");

    /** The router's decision for {@link #solToUsdc}: all to the OTC pool, DEX and pool both quoted. */
    public static RouteDecided.Builder decision(String tradeId, String poolId) {
        BigInteger baseline = new BigInteger("149249500000");
        return RouteDecided.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(SETTLED_AT.minusSeconds(2))
                .setTradeId(tradeId)
                .setRequestId("request-" + tradeId)
                .setClientOrderId("order-" + tradeId)
                .setPair(TokenCatalog.pair(SOL, USDC))
                .setInputSymbol(SOL.symbol()).setInputMint(SOL.mint()).setInputDecimals(SOL.decimals())
                .setOutputSymbol(USDC.symbol()).setOutputMint(USDC.mint()).setOutputDecimals(USDC.decimals())
                .setAmountIn(EventDecimals.atomic(THOUSAND_SOL_ATOMIC))
                .setSlippageBps(50)
                .setRoute(Route.OTC)
                .setLegs(List.of(RouteLeg.newBuilder().setLegId(tradeId + "-1").setVenue(Venue.OTC).setPoolId(poolId)
                        .setQuoteId("quote-" + tradeId).setInAmount(EventDecimals.atomic(THOUSAND_SOL_ATOMIC))
                        .setExpectedOutAmount(EventDecimals.atomic(USDC_OUT_ATOMIC))
                        .setMinOutAmount(EventDecimals.atomic(new BigInteger("148876875000"))).build()))
                .setCandidates(List.of(
                        RouteCandidate.newBuilder().setLabel("DEX").setRoute(Route.DEX).setAvailable(true)
                                .setOutAmount(EventDecimals.atomic(baseline)).build(),
                        RouteCandidate.newBuilder().setLabel("OTC:" + poolId).setRoute(Route.OTC).setAvailable(true)
                                .setOutAmount(EventDecimals.atomic(USDC_OUT_ATOMIC)).build(),
                        RouteCandidate.newBuilder().setLabel("OTC:sol-usdc-backup").setRoute(Route.OTC)
                                .setAvailable(false).setReason("inventory below the trade size").build()))
                .setExpectedOutAmount(EventDecimals.atomic(USDC_OUT_ATOMIC))
                .setDexBaselineOutAmount(EventDecimals.atomic(baseline))
                .setExpectedSavingOutAmount(EventDecimals.atomic(USDC_OUT_ATOMIC.subtract(baseline)))
                .setJupiterPriceImpactPct(EventDecimals.price(PRICE_IMPACT))
                .setDexQuoteSource(QuoteSource.SIMULATED)
                .setReason("OTC " + poolId + " returns 375.5 USDC more than Jupiter");
    }

    /** A SOL/USDC pool holding 5,000 SOL of its initial 10,000 and 750,000 USDC. */
    public static PoolStateChanged.Builder pool(String poolId) {
        return PoolStateChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(SETTLED_AT)
                .setPoolId(poolId)
                .setPair(TokenCatalog.pair(SOL, USDC))
                .setBaseSymbol(SOL.symbol()).setBaseMint(SOL.mint()).setBaseDecimals(SOL.decimals())
                .setQuoteSymbol(USDC.symbol()).setQuoteMint(USDC.mint()).setQuoteDecimals(USDC.decimals())
                .setBaseInventory(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("5000"))))
                .setQuoteInventory(EventDecimals.atomic(USDC.toAtomic(new BigDecimal("750000"))))
                .setInitialBaseInventory(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("10000"))))
                .setSpreadBps(25)
                .setPriceOffsetBps(0)
                .setMinTradeBase(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("10"))))
                .setMaxTradeBase(EventDecimals.atomic(SOL.toAtomic(new BigDecimal("2000"))))
                .setActive(true)
                .setChange("SEEDED");
    }

    public static PriceUpdated.Builder price(Token token, BigDecimal priceUsd, PriceSource source, Instant at) {
        return PriceUpdated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setSymbol(token.symbol())
                .setMint(token.mint())
                .setPriceUsd(EventDecimals.price(priceUsd))
                .setChange24hPct(EventDecimals.ratio(new BigDecimal("-1.25")))
                .setSource(source)
                .setObservedAt(at)
                .setStale(source == PriceSource.STATIC);
    }
}
