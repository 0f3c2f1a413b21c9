package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A pool's firm offer, as the router can split against it: {@code quotedOut} for {@code quotedIn} (net of its
 * spread), honoured pro rata for any leg between {@code minIn} and {@code maxIn} — otc-pool-service fills a smaller
 * leg of a firm quote at the quoted price and frees the rest of its hold. {@code rate} is output atomic units per
 * input atomic unit.
 */
public record PoolOffer(String poolId, String quoteId, BigInteger quotedIn, BigInteger quotedOut, BigInteger minIn,
        BigInteger maxIn, BigDecimal rate) {

    public PoolOffer(String poolId, String quoteId, BigInteger quotedIn, BigInteger quotedOut, BigInteger minIn,
            BigInteger maxIn) {
        this(poolId, quoteId, quotedIn, quotedOut, minIn, maxIn,
                new BigDecimal(quotedOut).divide(new BigDecimal(quotedIn), DepthCurve.MATH));
    }

    /** Fractional output for {@code in}, for optimisation. */
    BigDecimal outFor(BigDecimal in) {
        return rate.multiply(in, DepthCurve.MATH);
    }

    /** What the pool pays for a leg of {@code in}: the quoted price pro rata, rounded down as the pool rounds. */
    BigInteger legOut(BigInteger in) {
        return quotedOut.multiply(in).divide(quotedIn);
    }
}
