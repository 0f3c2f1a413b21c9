package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A pool's firm offer, as the router can split against it: a flat rate (output atomic units per input atomic
 * unit, net of its spread) for any size between {@code minIn} and {@code maxIn}.
 */
public record PoolOffer(String poolId, String quoteId, BigDecimal rate, BigInteger minIn, BigInteger maxIn) {

    BigDecimal outFor(BigDecimal in) {
        return rate.multiply(in, DepthCurve.MATH);
    }

    boolean accepts(BigInteger in) {
        return in.compareTo(minIn) >= 0 && in.compareTo(maxIn) <= 0;
    }
}
