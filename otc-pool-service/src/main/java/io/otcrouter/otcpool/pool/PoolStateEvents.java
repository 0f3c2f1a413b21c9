package io.otcrouter.otcpool.pool;

import java.time.Instant;
import java.util.UUID;

import io.otcrouter.events.EventDecimals;
import io.otcrouter.events.PoolSizeTier;
import io.otcrouter.events.PoolStateChanged;

/** Builds the full-state snapshot of a pool that goes on the compacted pool-state topic. */
public final class PoolStateEvents {

    public static final String STARTUP = "STARTUP";
    public static final String FILL = "FILL";
    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String ACTIVATED = "ACTIVATED";
    public static final String DEACTIVATED = "DEACTIVATED";
    public static final String INVENTORY_ADJUSTED = "INVENTORY_ADJUSTED";

    private PoolStateEvents() {
    }

    public static PoolStateChanged snapshot(Pool pool, String change, Instant at) {
        return PoolStateChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setPoolId(pool.getId())
                .setPair(pool.pair())
                .setBaseSymbol(pool.getBaseSymbol())
                .setBaseMint(pool.getBaseMint())
                .setBaseDecimals(pool.getBaseDecimals())
                .setQuoteSymbol(pool.getQuoteSymbol())
                .setQuoteMint(pool.getQuoteMint())
                .setQuoteDecimals(pool.getQuoteDecimals())
                .setBaseInventory(EventDecimals.atomic(pool.getBaseInventory()))
                .setQuoteInventory(EventDecimals.atomic(pool.getQuoteInventory()))
                .setInitialBaseInventory(EventDecimals.atomic(pool.getInitialBaseInventory()))
                .setSpreadBps(pool.getSpreadBps())
                .setPriceOffsetBps(pool.getPriceOffsetBps())
                .setMinTradeBase(EventDecimals.atomic(pool.getMinTradeBase()))
                .setMaxTradeBase(EventDecimals.atomic(pool.getMaxTradeBase()))
                .setActive(pool.isActive())
                .setChange(change)
                .setReservedBaseInventory(EventDecimals.atomic(pool.getReservedBaseInventory()))
                .setReservedQuoteInventory(EventDecimals.atomic(pool.getReservedQuoteInventory()))
                .setQuoteTtlMs(pool.getQuoteTtlMs())
                .setExecDelayMinMs(pool.getExecDelayMinMs())
                .setExecDelayMaxMs(pool.getExecDelayMaxMs())
                .setSizeTiers(pool.getSizeTiers().stream()
                        .map(tier -> PoolSizeTier.newBuilder()
                                .setMinTradeBase(EventDecimals.atomic(tier.minTradeBase()))
                                .setAddBps(tier.addBps())
                                .build())
                        .toList())
                .build();
    }
}
