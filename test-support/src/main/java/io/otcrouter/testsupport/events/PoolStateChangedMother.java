package io.otcrouter.testsupport.events;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolStateChanged;
import io.otcrouter.events.tokens.Token;
import io.otcrouter.events.tokens.TokenCatalog;

/** Object Mother of {@link PoolStateChanged}: an active pool just seeded, 25 bps spread, no price offset. */
public final class PoolStateChangedMother {

    private PoolStateChangedMother() {
    }

    /** Inventories in atomic units; the pool started with {@code baseInventory}. Trade limits are left to set. */
    public static PoolStateChanged.Builder seeded(String poolId, Token base, Token quote, BigInteger baseInventory,
            BigInteger quoteInventory, Instant at) {
        return PoolStateChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setPoolId(poolId)
                .setPair(TokenCatalog.pair(base, quote))
                .setBaseSymbol(base.symbol())
                .setBaseMint(base.mint())
                .setBaseDecimals(base.decimals())
                .setQuoteSymbol(quote.symbol())
                .setQuoteMint(quote.mint())
                .setQuoteDecimals(quote.decimals())
                .setBaseInventory(EventDecimals.atomic(baseInventory))
                .setQuoteInventory(EventDecimals.atomic(quoteInventory))
                .setInitialBaseInventory(EventDecimals.atomic(baseInventory))
                .setSpreadBps(25)
                .setPriceOffsetBps(0)
                .setActive(true)
                .setChange("SEEDED");
    }
}
