package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a size between Jupiter and pools to maximise total output after costs. Jupiter's output is concave in
 * size and a pool's is linear at its rate, so for one pool the best split is where Jupiter's marginal rate meets
 * the pool's; it is found by ternary search on the pool's share, which is exact on a concave objective. With
 * several pools, each pool's share is optimised in turn with the others fixed, best rate first, until no pass
 * improves the total (coordinate ascent, which converges on this concave objective). A pool's share is either
 * zero or within its limits; a leg that is not worth its fixed network fee is dropped.
 */
final class SplitOptimizer {

    private static final int MAX_PASSES = 8;
    private static final BigInteger THREE = BigInteger.valueOf(3);

    private final CostModel costs;

    SplitOptimizer(CostModel costs) {
        this.costs = costs;
    }

    Allocation optimise(BigInteger amount, DepthCurve dex, List<PoolOffer> offers) {
        List<PoolOffer> byRate = offers.stream().sorted(Comparator.comparing(PoolOffer::rate).reversed()).toList();
        Map<String, BigInteger> shares = new LinkedHashMap<>();
        byRate.forEach(offer -> shares.put(offer.poolId(), BigInteger.ZERO));
        BigDecimal best = total(amount, dex, byRate, shares);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            BigDecimal before = best;
            for (PoolOffer offer : byRate) {
                shares.put(offer.poolId(), bestShare(amount, dex, byRate, shares, offer));
            }
            best = total(amount, dex, byRate, shares);
            if (best.compareTo(before) <= 0) {
                break;
            }
        }
        BigInteger toPools = shares.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        return new Allocation(amount.subtract(toPools), Map.copyOf(shares), best);
    }

    private BigInteger bestShare(BigInteger amount, DepthCurve dex, List<PoolOffer> offers,
            Map<String, BigInteger> shares, PoolOffer offer) {
        BigInteger others = shares.entrySet().stream().filter(e -> !e.getKey().equals(offer.poolId()))
                .map(Map.Entry::getValue).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger room = amount.subtract(others).min(offer.maxIn());
        Map<String, BigInteger> trial = new LinkedHashMap<>(shares);
        BigInteger bestShare = BigInteger.ZERO;
        trial.put(offer.poolId(), BigInteger.ZERO);
        BigDecimal bestTotal = total(amount, dex, offers, trial);
        if (room.compareTo(offer.minIn()) < 0) {
            return bestShare;
        }
        BigInteger lo = offer.minIn().max(BigInteger.ONE);
        BigInteger hi = room;
        while (hi.subtract(lo).compareTo(BigInteger.TWO) > 0) {
            BigInteger third = hi.subtract(lo).divide(THREE);
            BigInteger m1 = lo.add(third);
            BigInteger m2 = hi.subtract(third);
            int comparison = totalWith(amount, dex, offers, trial, offer, m1)
                    .compareTo(totalWith(amount, dex, offers, trial, offer, m2));
            if (comparison < 0) {
                lo = m1.add(BigInteger.ONE);
            } else if (comparison > 0) {
                hi = m2.subtract(BigInteger.ONE);
            } else {
                lo = m1;
                hi = m2;
            }
        }
        // The objective is concave on [lo, hi] except for the DEX leg's fixed fee, which vanishes when the pool
        // takes everything that is left: compare the remaining candidates and that end point explicitly.
        for (BigInteger share : new BigInteger[] {lo, lo.add(BigInteger.ONE), hi, room, offer.minIn()}) {
            if (share.compareTo(offer.minIn()) < 0 || share.compareTo(room) > 0 || share.signum() <= 0) {
                continue;
            }
            BigDecimal total = totalWith(amount, dex, offers, trial, offer, share);
            if (total.compareTo(bestTotal) > 0) {
                bestTotal = total;
                bestShare = share;
            }
        }
        return bestShare;
    }

    private BigDecimal totalWith(BigInteger amount, DepthCurve dex, List<PoolOffer> offers,
            Map<String, BigInteger> trial, PoolOffer offer, BigInteger share) {
        trial.put(offer.poolId(), share);
        return total(amount, dex, offers, trial);
    }

    private BigDecimal total(BigInteger amount, DepthCurve dex, List<PoolOffer> offers, Map<String, BigInteger> shares) {
        BigDecimal total = BigDecimal.ZERO;
        BigInteger toPools = BigInteger.ZERO;
        for (PoolOffer offer : offers) {
            BigInteger share = shares.get(offer.poolId());
            if (share.signum() > 0) {
                total = total.add(costs.netOtc(offer.outFor(new BigDecimal(share))));
                toPools = toPools.add(share);
            }
        }
        BigInteger toDex = amount.subtract(toPools);
        if (toDex.signum() > 0) {
            total = total.add(costs.netDex(dex.outFor(new BigDecimal(toDex))));
        }
        return total;
    }
}
