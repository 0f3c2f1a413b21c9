package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool's firm offer, as the router can split against it: {@code quotedOut} for {@code quotedIn} (net of its
 * spread), honoured for any leg between {@code minIn} and {@code maxIn} at the price of the leg's size tier —
 * otc-pool-service fills a smaller leg of a firm quote at its tier's price, never paying more than the quote's own
 * output, and frees the rest of its hold. {@code rate} is the quote's own rate, output atomic units per input atomic
 * unit.
 *
 * @param tiers the quote's tier schedule, smallest first; the last is the quote's own tier
 */
public record PoolOffer(String poolId, String quoteId, BigInteger quotedIn, BigInteger quotedOut, BigInteger minIn,
        BigInteger maxIn, BigDecimal rate, List<Tier> tiers) {

    /**
     * From {@code minIn} up, legs pay {@code out} per {@code in} pro rata (until the next tier's {@code minIn}).
     */
    public record Tier(BigInteger minIn, BigInteger in, BigInteger out) {

        BigDecimal rate() {
            return new BigDecimal(out).divide(new BigDecimal(in), DepthCurve.MATH);
        }
    }

    public PoolOffer {
        tiers = List.copyOf(tiers);
    }

    public PoolOffer(String poolId, String quoteId, BigInteger quotedIn, BigInteger quotedOut, BigInteger minIn,
            BigInteger maxIn, List<Tier> tiers) {
        this(poolId, quoteId, quotedIn, quotedOut, minIn, maxIn,
                new BigDecimal(quotedOut).divide(new BigDecimal(quotedIn), DepthCurve.MATH), tiers);
    }

    /** A quote priced flat: every leg at the quote's own price. */
    public PoolOffer(String poolId, String quoteId, BigInteger quotedIn, BigInteger quotedOut, BigInteger minIn,
            BigInteger maxIn) {
        this(poolId, quoteId, quotedIn, quotedOut, minIn, maxIn,
                List.of(new Tier(BigInteger.ONE, quotedIn, quotedOut)));
    }

    /** What the pool pays for a leg of {@code in}: its tier's price pro rata, rounded down, at most the quote's out. */
    BigInteger legOut(BigInteger in) {
        Tier tier = tierOf(in);
        return tier.out().multiply(in).divide(tier.in()).min(quotedOut);
    }

    /**
     * The leg sizes from {@code minIn} to {@code maxIn} as stretches over which the pool's output is linear: one per
     * tier, and where a cheaper tier would pay more than the quote's own output, a flat stretch at that output.
     * Only tiers whose rate passes {@code inBand} are kept.
     */
    List<PoolPiece> pieces(java.util.function.Predicate<BigDecimal> inBand) {
        List<PoolPiece> pieces = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            BigInteger lo = tier.minIn().max(minIn);
            BigInteger hi = i + 1 < tiers.size() ? tiers.get(i + 1).minIn().subtract(BigInteger.ONE).min(maxIn)
                    : maxIn;
            if (lo.compareTo(hi) > 0 || !inBand.test(tier.rate())) {
                continue;
            }
            // From capAt on, a cheaper tier's price would pay more than the quote's output: the pool pays that output.
            // (The quote's own tier never does: its legs are at most the quoted size.)
            BigInteger capAt = i + 1 < tiers.size()
                    ? quotedOut.multiply(tier.in()).divide(tier.out()).add(BigInteger.ONE) : hi.add(BigInteger.ONE);
            if (lo.compareTo(capAt) < 0) {
                pieces.add(PoolPiece.linear(poolId, lo, hi.min(capAt.subtract(BigInteger.ONE)), tier.rate()));
            }
            if (hi.compareTo(capAt) >= 0) {
                pieces.add(PoolPiece.flat(poolId, lo.max(capAt), hi, quotedOut));
            }
        }
        return pieces;
    }

    private Tier tierOf(BigInteger in) {
        Tier found = tiers.get(0);
        for (Tier tier : tiers) {
            if (tier.minIn().compareTo(in) <= 0) {
                found = tier;
            }
        }
        return found;
    }
}
