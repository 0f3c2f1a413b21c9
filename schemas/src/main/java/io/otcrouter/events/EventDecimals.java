package io.otcrouter.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Converts amounts to and from the fixed scales of the contract's Avro decimals. Avro refuses a BigDecimal
 * whose scale differs from the schema's, so every writer goes through here.
 */
public final class EventDecimals {

    /** Scale of atomic token amounts (lamports, micro-USDC): whole numbers. */
    public static final int ATOMIC_SCALE = 0;
    /** Scale of prices and price-impact fractions. */
    public static final int PRICE_SCALE = 12;
    /** Scale of USD values. */
    public static final int USD_SCALE = 6;
    /** Scale of percentages and basis points. */
    public static final int RATIO_SCALE = 4;

    private EventDecimals() {
    }

    public static BigDecimal atomic(BigInteger amount) {
        return new BigDecimal(amount);
    }

    /** The atomic amount of an event field; refuses a fractional value rather than rounding money. */
    public static BigInteger toAtomic(BigDecimal amount) {
        return amount.toBigIntegerExact();
    }

    public static BigDecimal price(BigDecimal price) {
        return price.setScale(PRICE_SCALE, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal usd(BigDecimal usd) {
        return usd.setScale(USD_SCALE, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal ratio(BigDecimal percentOrBps) {
        return percentOrBps.setScale(RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
}
