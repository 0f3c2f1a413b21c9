package io.otcrouter.otcpool.pool;

import java.math.BigDecimal;
import java.math.BigInteger;

/** A pool's inventory and what firm quotes hold of it, in atomic units: what the inventory gauge reads. */
public record PoolInventory(String poolId, BigInteger base, BigInteger reservedBase, int baseDecimals,
        BigInteger quote, BigInteger reservedQuote, int quoteDecimals) {

    /** Base tokens not held by firm quotes, in token units. */
    public double availableBaseUnits() {
        return units(base.subtract(reservedBase), baseDecimals);
    }

    /** Quote tokens not held by firm quotes, in token units. */
    public double availableQuoteUnits() {
        return units(quote.subtract(reservedQuote), quoteDecimals);
    }

    // A double only at the very edge: Micrometer gauges are doubles. No amount is computed from it.
    private static double units(BigInteger atomic, int decimals) {
        return new BigDecimal(atomic, decimals).doubleValue();
    }
}
