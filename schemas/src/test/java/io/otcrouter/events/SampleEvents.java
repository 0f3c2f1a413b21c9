package io.otcrouter.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;

/** One fully populated sample of every event of the contract (Object Mother). */
public final class SampleEvents {

    public static final Instant AT = Instant.parse("2026-11-24T10:15:30.123Z");
    public static final String SOL_MINT = "So11111111111111111111111111111111111111112";
    public static final String USDC_MINT = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    public static final BigInteger THOUSAND_SOL = new BigInteger("1000000000000");
    public static final BigInteger USDC_OUT = new BigInteger("149625000000");
    /** Larger than Long.MAX_VALUE: u64 amounts must survive. */
    public static final BigInteger U64_MAX = new BigInteger("18446744073709551615");

    private SampleEvents() {
    }

    public static PriceUpdated priceUpdated() {
        return PriceUpdated.newBuilder().setEventId("e-price").setOccurredAt(AT).setSymbol("SOL").setMint(SOL_MINT)
                .setPriceUsd(EventDecimals.price(new BigDecimal("150.123456789012")))
                .setChange24hPct(EventDecimals.ratio(new BigDecimal("-2.5"))).setSource(PriceSource.COINGECKO)
                .setObservedAt(AT).setStale(false).build();
    }

    public static QuoteRequested quoteRequested() {
        return QuoteRequested.newBuilder().setEventId("e-qr").setOccurredAt(AT).setRequestId("r-1").setTradeId("t-1")
                .setPair("SOL/USDC").setInputSymbol("SOL").setInputMint(SOL_MINT).setInputDecimals(9)
                .setOutputSymbol("USDC").setOutputMint(USDC_MINT).setOutputDecimals(6)
                .setAmountIn(EventDecimals.atomic(U64_MAX)).setSlippageBps(50).setIndicative(false).setReplyBy(AT)
                .build();
    }

    public static JupiterQuoted jupiterQuoted() {
        return JupiterQuoted.newBuilder().setEventId("e-jq").setOccurredAt(AT).setRequestId("r-1").setPair("SOL/USDC")
                .setInputMint(SOL_MINT).setOutputMint(USDC_MINT).setInAmount(EventDecimals.atomic(THOUSAND_SOL))
                .setStatus(JupiterQuoteStatus.QUOTED).setSource(QuoteSource.LIVE)
                .setOutAmount(EventDecimals.atomic(new BigInteger("148000000000")))
                .setOtherAmountThreshold(EventDecimals.atomic(new BigInteger("147260000000")))
                .setPriceImpactPct(EventDecimals.price(new BigDecimal("0.0123")))
                .setRouteLabels(List.of("Meteora DLMM", "Whirlpool")).setContextSlot(299283763L)
                .setDepthCurve(List.of(new DepthPoint(EventDecimals.atomic(BigInteger.TEN),
                        EventDecimals.atomic(BigInteger.ONE))))
                .setCurveObservedAt(AT).build();
    }

    public static PoolQuoted poolQuoted() {
        return PoolQuoted.newBuilder().setEventId("e-pq").setOccurredAt(AT).setRequestId("r-1").setPair("SOL/USDC")
                .setPoolId("sol-usdc-main").setQuoteId("q-1").setStatus(PoolQuoteStatus.QUOTED).setInputMint(SOL_MINT)
                .setOutputMint(USDC_MINT).setInAmount(EventDecimals.atomic(THOUSAND_SOL))
                .setOutAmount(EventDecimals.atomic(USDC_OUT)).setPrice(EventDecimals.price(new BigDecimal("149.625")))
                .setSpreadBps(25).setMinInAmount(EventDecimals.atomic(BigInteger.ONE))
                .setMaxInAmount(EventDecimals.atomic(U64_MAX)).setExpiresAt(AT).setPoolsInReply(1).build();
    }

    public static RouteDecided routeDecided() {
        RouteLeg leg = RouteLeg.newBuilder().setLegId("t-1-1").setVenue(Venue.OTC).setPoolId("sol-usdc-main")
                .setQuoteId("q-1").setInAmount(EventDecimals.atomic(THOUSAND_SOL))
                .setExpectedOutAmount(EventDecimals.atomic(USDC_OUT))
                .setMinOutAmount(EventDecimals.atomic(new BigInteger("148876875000"))).build();
        RouteCandidate dex = RouteCandidate.newBuilder().setLabel("DEX").setRoute(Route.DEX).setAvailable(true)
                .setOutAmount(EventDecimals.atomic(new BigInteger("148000000000"))).build();
        return RouteDecided.newBuilder().setEventId("e-rd").setOccurredAt(AT).setTradeId("t-1").setRequestId("r-1")
                .setClientOrderId("desk-7").setPair("SOL/USDC").setInputSymbol("SOL").setInputMint(SOL_MINT)
                .setInputDecimals(9).setOutputSymbol("USDC").setOutputMint(USDC_MINT).setOutputDecimals(6)
                .setAmountIn(EventDecimals.atomic(THOUSAND_SOL)).setSlippageBps(50).setRoute(Route.OTC)
                .setLegs(List.of(leg)).setCandidates(List.of(dex)).setExpectedOutAmount(EventDecimals.atomic(USDC_OUT))
                .setDexBaselineOutAmount(EventDecimals.atomic(new BigInteger("148000000000")))
                .setExpectedSavingOutAmount(EventDecimals.atomic(new BigInteger("1625000000")))
                .setJupiterPriceImpactPct(EventDecimals.price(new BigDecimal("0.0123")))
                .setDexQuoteSource(QuoteSource.SIMULATED).setInputPriceUsd(EventDecimals.price(new BigDecimal("150")))
                .setOutputPriceUsd(EventDecimals.price(BigDecimal.ONE)).setReason("OTC pays 1625 USDC more").build();
    }

    public static LegExecuted legExecuted() {
        return LegExecuted.newBuilder().setEventId("e-le").setOccurredAt(AT).setTradeId("t-1").setLegId("t-1-1")
                .setVenue(Venue.OTC).setPoolId("sol-usdc-main").setQuoteId("q-1").setStatus(LegStatus.FILLED)
                .setInAmount(EventDecimals.atomic(THOUSAND_SOL)).setOutAmount(EventDecimals.atomic(USDC_OUT))
                .setExecutionPrice(EventDecimals.price(new BigDecimal("149.625"))).setExecutedAt(AT).build();
    }

    public static TradeSettled tradeSettled() {
        return TradeSettled.newBuilder().setEventId("e-ts").setOccurredAt(AT).setTradeId("t-1").setPair("SOL/USDC")
                .setInputSymbol("SOL").setInputMint(SOL_MINT).setInputDecimals(9).setOutputSymbol("USDC")
                .setOutputMint(USDC_MINT).setOutputDecimals(6).setRoute(Route.OTC).setStatus(TradeStatus.FILLED)
                .setAmountIn(EventDecimals.atomic(THOUSAND_SOL)).setFilledInAmount(EventDecimals.atomic(THOUSAND_SOL))
                .setOutAmount(EventDecimals.atomic(USDC_OUT)).setExpectedOutAmount(EventDecimals.atomic(USDC_OUT))
                .setSavingOutAmount(EventDecimals.atomic(new BigInteger("-5")))
                .setSavingUsd(EventDecimals.usd(new BigDecimal("1625.000001")))
                .setVolumeUsd(EventDecimals.usd(new BigDecimal("150000")))
                .setShortfallVsArrivalBps(EventDecimals.ratio(new BigDecimal("25"))).setDecidedAt(AT).setSettledAt(AT)
                .build();
    }

    public static PoolStateChanged poolStateChanged() {
        return PoolStateChanged.newBuilder().setEventId("e-ps").setOccurredAt(AT).setPoolId("sol-usdc-main")
                .setPair("SOL/USDC").setBaseSymbol("SOL").setBaseMint(SOL_MINT).setBaseDecimals(9).setQuoteSymbol("USDC")
                .setQuoteMint(USDC_MINT).setQuoteDecimals(6)
                .setBaseInventory(EventDecimals.atomic(new BigInteger("50000000000000")))
                .setQuoteInventory(EventDecimals.atomic(new BigInteger("7500000000000")))
                .setInitialBaseInventory(EventDecimals.atomic(new BigInteger("50000000000000"))).setSpreadBps(25)
                .setPriceOffsetBps(-10).setMinTradeBase(EventDecimals.atomic(new BigInteger("100000000000")))
                .setMaxTradeBase(EventDecimals.atomic(new BigInteger("5000000000000"))).setActive(true)
                .setChange("SEEDED").build();
    }

    public static List<SpecificRecord> all() {
        return List.of(priceUpdated(), quoteRequested(), jupiterQuoted(), poolQuoted(), routeDecided(), legExecuted(),
                tradeSettled(), poolStateChanged());
    }
}
