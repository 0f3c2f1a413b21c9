package io.otcrouter.dashboard;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolStateChanged;
import io.otcrouter.events.PriceSource;
import io.otcrouter.events.PriceUpdated;
import io.otcrouter.events.Route;
import io.otcrouter.events.TradeSettled;
import io.otcrouter.events.TradeStatus;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/** Object mother for the events the dashboard consumes, with named, realistic values. */
public final class DashboardEvents {

    public static final Token SOL = TokenCatalog.defaults().bySymbol("SOL").orElseThrow();
    public static final Token USDC = TokenCatalog.defaults().bySymbol("USDC").orElseThrow();

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
                .setDecidedAt(SETTLED_AT.minusSeconds(2))
                .setSettledAt(SETTLED_AT);
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
