package io.otcrouter.dashboard.readmodel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.otcrouter.events.PoolStateChanged;

/**
 * Latest state per OTC pool. Each {@link PoolStateChanged} carries the full state, so applying one is an upsert;
 * an update older ({@code occurredAt}) than the current one is ignored, so duplicates and late records never roll
 * a pool back. Thread-safe through {@link ConcurrentHashMap#merge}, atomic per pool.
 */
public final class PoolProjection {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A pool with less than this share (percent) of its initial base inventory left is flagged on the pools page. */
    public static final int LOW_INVENTORY_PCT = 20;

    private final Map<String, PoolSnapshot> byPoolId = new ConcurrentHashMap<>();

    public void apply(PoolStateChanged event) {
        PoolSnapshot incoming = toSnapshot(event);
        byPoolId.merge(incoming.poolId(), incoming,
                (current, update) -> update.updatedAt().isBefore(current.updatedAt()) ? current : update);
    }

    public List<PoolSnapshot> pools() {
        return byPoolId.values().stream().sorted(Comparator.comparing(PoolSnapshot::poolId)).toList();
    }

    private static PoolSnapshot toSnapshot(PoolStateChanged event) {
        BigInteger base = event.getBaseInventory().toBigIntegerExact();
        BigInteger initialBase = event.getInitialBaseInventory().toBigIntegerExact();
        BigInteger minTrade = event.getMinTradeBase().toBigIntegerExact();
        BigDecimal basePct = initialBase.signum() == 0 ? null
                : new BigDecimal(base).multiply(HUNDRED).divide(new BigDecimal(initialBase), 2, RoundingMode.HALF_EVEN);
        BigDecimal utilization = basePct == null ? null : HUNDRED.subtract(basePct).max(BigDecimal.ZERO);
        int decimals = event.getBaseDecimals();
        return new PoolSnapshot(event.getPoolId(), event.getPair(), event.getBaseSymbol(), event.getQuoteSymbol(),
                TokenUnits.toUnits(base, decimals),
                TokenUnits.toUnits(event.getQuoteInventory().toBigIntegerExact(), event.getQuoteDecimals()),
                TokenUnits.toUnits(initialBase, decimals), basePct, utilization,
                lowInventory(base, initialBase), event.getSpreadBps(),
                event.getPriceOffsetBps(), TokenUnits.toUnits(minTrade, decimals),
                TokenUnits.toUnits(event.getMaxTradeBase().toBigIntegerExact(), decimals), event.getActive(),
                status(event.getActive(), base, minTrade), event.getChange(), event.getOccurredAt());
    }

    /** Exactly (not the rounded percentage): {@code base / initial < LOW_INVENTORY_PCT %}. */
    static boolean lowInventory(BigInteger base, BigInteger initial) {
        return initial.signum() > 0 && base.multiply(BigInteger.valueOf(100))
                .compareTo(initial.multiply(BigInteger.valueOf(LOW_INVENTORY_PCT))) < 0;
    }

    static String status(boolean active, BigInteger base, BigInteger minTrade) {
        if (!active) {
            return "PAUSED";
        }
        return base.compareTo(minTrade) < 0 ? "DEPLETED" : "ACTIVE";
    }
}
