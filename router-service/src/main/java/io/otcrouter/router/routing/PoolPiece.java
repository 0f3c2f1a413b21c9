package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A stretch of a pool's leg sizes, {@code minIn} to {@code maxIn}, over which its output is linear: {@code rate}
 * per input unit (a size tier's price), or the constant {@code flatOut} with rate zero (where a cheaper tier is
 * capped at the quote's own output). Within one piece per pool the split is a concave problem; the optimiser
 * enumerates the pieces.
 */
record PoolPiece(String poolId, BigInteger minIn, BigInteger maxIn, BigDecimal rate, BigDecimal flatOut) {

    static PoolPiece linear(String poolId, BigInteger minIn, BigInteger maxIn, BigDecimal rate) {
        return new PoolPiece(poolId, minIn, maxIn, rate, null);
    }

    static PoolPiece flat(String poolId, BigInteger minIn, BigInteger maxIn, BigInteger out) {
        return new PoolPiece(poolId, minIn, maxIn, BigDecimal.ZERO, new BigDecimal(out));
    }

    /** Fractional output for {@code in}, for optimisation. */
    BigDecimal outFor(BigDecimal in) {
        return flatOut != null ? flatOut : rate.multiply(in, DepthCurve.MATH);
    }
}
