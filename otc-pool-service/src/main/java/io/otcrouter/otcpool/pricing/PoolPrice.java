package io.otcrouter.otcpool.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The pricer's answer for one pool and one size: either a price with its output, or a refusal with a reason a
 * human can read. Limits are in atomic units of the input token; they are known whenever reference prices are.
 *
 * @param outAmount   atomic output, net of the spread, rounded down; null when refused
 * @param price       output token units per input token unit, net of the spread; null when refused
 * @param minInAmount smallest accepted input (atomic input units), or null without reference prices
 * @param maxInAmount largest accepted input (atomic input units), or null without reference prices
 * @param spread      the spread applied, with its parts; null when refused before pricing
 */
public record PoolPrice(boolean accepted, String reason, TradeSide side, BigInteger outAmount, BigDecimal price,
        BigInteger minInAmount, BigInteger maxInAmount, Spread spread) {

    static PoolPrice quoted(TradeSide side, BigInteger outAmount, BigDecimal price, BigInteger minIn,
            BigInteger maxIn, Spread spread) {
        return new PoolPrice(true, null, side, outAmount, price, minIn, maxIn, spread);
    }

    static PoolPrice refused(String reason, TradeSide side, BigInteger minIn, BigInteger maxIn, Spread spread) {
        return new PoolPrice(false, reason, side, null, null, minIn, maxIn, spread);
    }

    /** A refusal decided before any pricing, e.g. a stale reference price. */
    public static PoolPrice refused(String reason, TradeSide side) {
        return new PoolPrice(false, reason, side, null, null, null, null, null);
    }
}
