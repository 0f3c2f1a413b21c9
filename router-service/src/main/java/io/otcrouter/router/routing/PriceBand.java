package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The guard rail around the reference rate: every leg actually used must price within it — a pool's leg at its
 * quoted rate, Jupiter's leg at its own average price for the leg's size (not the full-size quote's, which a
 * shallow DEX pushes out of the band while a smaller leg is well inside it). Against a STATIC or stale reference
 * the band is the wider {@link RoutingPolicy#untrustedReferenceBandBps()}: such a reference may be far from the
 * market, so it only screens out quotes that are grossly wrong, and the decision says so.
 */
final class PriceBand {

    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private final ReferenceRate reference;
    private final int bandBps;

    private PriceBand(ReferenceRate reference, int bandBps) {
        this.reference = reference;
        this.bandBps = bandBps;
    }

    static PriceBand of(Optional<ReferenceRate> reference, RoutingPolicy policy) {
        Optional<ReferenceRate> usable = reference.filter(r -> r.rate() != null && r.rate().signum() > 0);
        int bps = usable.map(r -> r.trusted() ? policy.priceBandBps() : policy.untrustedReferenceBandBps())
                .orElse(policy.priceBandBps());
        return new PriceBand(usable.orElse(null), bps);
    }

    /** Whether a leg at this average rate may be used. */
    boolean admits(BigDecimal rate) {
        return refusal(rate).isEmpty();
    }

    /** Why a leg at this average rate may not be used, or empty when it may. */
    Optional<String> refusal(BigDecimal rate) {
        if (reference == null) {
            return Optional.empty();
        }
        BigDecimal deviationBps = rate.divide(reference.rate(), DepthCurve.MATH).subtract(BigDecimal.ONE).abs()
                .multiply(BPS);
        if (deviationBps.compareTo(BigDecimal.valueOf(bandBps)) <= 0) {
            return Optional.empty();
        }
        return Optional.of("price " + deviationBps.setScale(0, RoundingMode.HALF_UP) + " bps from the reference,"
                + " band is " + bandBps + " bps" + (reference.trusted() ? "" : " (widened: untrusted reference)"));
    }

    /**
     * The Jupiter leg sizes up to {@code amount} whose average price on the curve is within the band, or empty when
     * there are none. The average price of a concave curve through the origin falls with size, so the sizes in
     * the band are one interval: its ends are found by bisection.
     */
    Optional<DexOffer> dexOffer(DepthCurve curve, BigInteger amount) {
        if (reference == null) {
            return Optional.of(new DexOffer(curve, BigInteger.ONE, amount));
        }
        BigDecimal width = BigDecimal.valueOf(bandBps).divide(BPS, DepthCurve.MATH);
        BigDecimal floor = reference.rate().multiply(BigDecimal.ONE.subtract(width), DepthCurve.MATH);
        BigDecimal ceiling = reference.rate().multiply(BigDecimal.ONE.add(width), DepthCurve.MATH);
        if (!atLeast(curve, BigInteger.ONE, floor) || !atMost(curve, amount, ceiling)) {
            return Optional.empty(); // even the smallest leg is too cheap, or even the largest too dear
        }
        // Largest size still at or above the floor; smallest at or below the ceiling.
        BigInteger hi = atLeast(curve, amount, floor) ? amount
                : smallest(BigInteger.ONE, amount, in -> !atLeast(curve, in, floor)).subtract(BigInteger.ONE);
        BigInteger lo = atMost(curve, BigInteger.ONE, ceiling) ? BigInteger.ONE
                : smallest(BigInteger.ONE, amount, in -> atMost(curve, in, ceiling));
        return lo.compareTo(hi) <= 0 ? Optional.of(new DexOffer(curve, lo, hi)) : Optional.empty();
    }

    /** Said on every decision made against an untrusted reference; empty when the reference is trusted or absent. */
    Optional<String> caveat() {
        if (reference == null || reference.trusted()) {
            return Optional.empty();
        }
        return Optional.of(reference.caveat() + ": price band widened to " + bandBps + " bps");
    }

    /** The smallest size in [lo, hi] that passes, by bisection: {@code hi} passes, and so does every larger size. */
    private static BigInteger smallest(BigInteger lo, BigInteger hi, Predicate<BigInteger> passes) {
        while (lo.compareTo(hi) < 0) {
            BigInteger mid = lo.add(hi).shiftRight(1);
            if (passes.test(mid)) {
                hi = mid;
            } else {
                lo = mid.add(BigInteger.ONE);
            }
        }
        return lo;
    }

    private static boolean atLeast(DepthCurve curve, BigInteger in, BigDecimal rate) {
        BigDecimal size = new BigDecimal(in);
        return curve.outFor(size).compareTo(rate.multiply(size, DepthCurve.MATH)) >= 0;
    }

    private static boolean atMost(DepthCurve curve, BigInteger in, BigDecimal rate) {
        BigDecimal size = new BigDecimal(in);
        return curve.outFor(size).compareTo(rate.multiply(size, DepthCurve.MATH)) <= 0;
    }
}
