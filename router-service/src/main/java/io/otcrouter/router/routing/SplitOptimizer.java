package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds, for every set of pools — with Jupiter and without — the allocation of a size that returns the most output
 * after costs, exact to one atomic unit of input.
 *
 * <p>Why this is exact: a pool pays a flat rate for any leg between its minimum and its maximum, so the best way to
 * give a fixed set of pools {@code y} is greedy (each pool its minimum, the rest best rate first), and their output
 * {@code G(y)} is concave and piecewise linear. Jupiter's output {@code D(x)} is concave ({@link DepthCurve}), so
 * {@code D(x) + G(A − x)} is concave in Jupiter's share {@code x}; its maximum over the integers is where its
 * one-unit difference turns negative, found by bisection within the sizes Jupiter may take ({@link DexOffer}) and
 * the pools' limits. The sets are enumerated rather than derived from marginal prices: a pool's minimum leg and
 * each leg's fixed network fee make "use this pool or not" a choice no marginal rule settles. The caller passes
 * at most {@link #MAX_POOLS} pools (2^n sets).
 */
final class SplitOptimizer {

    /** Pools split across at most; 2^8 sets stay well under a millisecond each. */
    static final int MAX_POOLS = 8;

    private final CostModel costs;

    SplitOptimizer(CostModel costs) {
        this.costs = costs;
    }

    /**
     * @param dex    Jupiter within the band, or null when it may not take any leg
     * @param offers the usable pools, at most {@link #MAX_POOLS}
     * @return the best allocation of every feasible (non-empty set of pools, with or without Jupiter)
     */
    List<Allocation> optimise(BigInteger amount, DexOffer dex, List<PoolOffer> offers) {
        if (offers.size() > MAX_POOLS) {
            throw new IllegalArgumentException("At most " + MAX_POOLS + " pools, got " + offers.size());
        }
        List<PoolOffer> byRate = offers.stream().sorted(Comparator.comparing(PoolOffer::rate).reversed()).toList();
        List<Allocation> allocations = new ArrayList<>();
        for (int mask = 1; mask < 1 << byRate.size(); mask++) {
            List<PoolOffer> set = new ArrayList<>();
            for (int i = 0; i < byRate.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    set.add(byRate.get(i));
                }
            }
            withoutDex(amount, set).ifPresent(allocations::add);
            if (dex != null) {
                withDex(amount, dex, set).ifPresent(allocations::add);
            }
        }
        return allocations;
    }

    private Optional<Allocation> withoutDex(BigInteger amount, List<PoolOffer> set) {
        if (amount.compareTo(sum(set, PoolOffer::minIn)) < 0 || amount.compareTo(sum(set, PoolOffer::maxIn)) > 0) {
            return Optional.empty();
        }
        return Optional.of(allocation(amount, null, set, BigInteger.ZERO));
    }

    private Optional<Allocation> withDex(BigInteger amount, DexOffer dex, List<PoolOffer> set) {
        BigInteger lo = dex.minIn().max(amount.subtract(sum(set, PoolOffer::maxIn))).max(BigInteger.ONE);
        BigInteger hi = dex.maxIn().min(amount.subtract(sum(set, PoolOffer::minIn)));
        if (lo.compareTo(hi) > 0) {
            return Optional.empty();
        }
        BigInteger estimate = locate(amount, dex, set, lo, hi);
        // Settle it exactly: widen a bracket around the estimate until the objective rises into it from the left
        // and falls out of it on the right, then bisect on the sign of its one-unit difference (concave).
        BigInteger width = BigInteger.valueOf(4);
        while (true) {
            BigInteger left = lo.max(estimate.subtract(width));
            BigInteger right = hi.min(estimate.add(width));
            boolean risesIntoLeft = left.equals(lo) || rises(amount, dex, set, left.subtract(BigInteger.ONE));
            boolean fallsOutRight = right.equals(hi) || !rises(amount, dex, set, right);
            if (risesIntoLeft && fallsOutRight) {
                return Optional.of(allocation(amount, dex, set, argmax(amount, dex, set, left, right)));
            }
            width = width.shiftLeft(4);
        }
    }

    /** The best Jupiter share in [lo, hi], by bisection on the objective's one-unit difference. */
    private BigInteger argmax(BigInteger amount, DexOffer dex, List<PoolOffer> set, BigInteger lo, BigInteger hi) {
        while (lo.compareTo(hi) < 0) {
            BigInteger mid = lo.add(hi).shiftRight(1);
            if (rises(amount, dex, set, mid)) {
                lo = mid.add(BigInteger.ONE);
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private boolean rises(BigInteger amount, DexOffer dex, List<PoolOffer> set, BigInteger dexIn) {
        return value(amount, dex, set, dexIn.add(BigInteger.ONE)).compareTo(value(amount, dex, set, dexIn)) > 0;
    }

    /**
     * Where Jupiter's marginal rate after fees meets the marginal pool's, in double precision: a close estimate
     * for the exact search, found by bisection on the slope, which only falls as Jupiter's share grows.
     */
    private double slope(BigInteger amount, DexOffer dex, List<PoolOffer> set, double x) {
        double dexKeep = 1 - costs.dexFeeBps() / 10_000.0;
        double otcKeep = 1 - costs.otcFeeBps() / 10_000.0;
        return dexKeep * dex.curve().marginalAt(x) - otcKeep * marginalPoolRate(set, amount.doubleValue() - x);
    }

    private BigInteger locate(BigInteger amount, DexOffer dex, List<PoolOffer> set, BigInteger lo, BigInteger hi) {
        double left = lo.doubleValue();
        double right = hi.doubleValue();
        for (int i = 0; i < 80 && right - left > 0.5; i++) {
            double mid = (left + right) / 2;
            if (slope(amount, dex, set, mid) > 0) {
                left = mid;
            } else {
                right = mid;
            }
        }
        BigInteger estimate = BigDecimal.valueOf(left).setScale(0, java.math.RoundingMode.HALF_UP).toBigInteger();
        return estimate.max(lo).min(hi);
    }

    /** The rate of the pool that gives up a unit when the pools' total {@code toPools} shrinks by one. */
    private static double marginalPoolRate(List<PoolOffer> set, double toPools) {
        double above = toPools;
        for (PoolOffer offer : set) {
            above -= offer.minIn().doubleValue();
        }
        for (PoolOffer offer : set) {
            double room = offer.maxIn().subtract(offer.minIn()).doubleValue();
            if (above <= room) {
                return offer.rate().doubleValue();
            }
            above -= room;
        }
        return set.get(set.size() - 1).rate().doubleValue();
    }

    private Allocation allocation(BigInteger amount, DexOffer dex, List<PoolOffer> set, BigInteger dexIn) {
        BigInteger[] shares = fill(set, amount.subtract(dexIn));
        Map<String, BigInteger> poolIn = new LinkedHashMap<>();
        for (int i = 0; i < set.size(); i++) {
            poolIn.put(set.get(i).poolId(), shares[i]);
        }
        BigDecimal out = dex == null ? poolsValue(set, shares) : value(amount, dex, set, dexIn);
        return new Allocation(dexIn, poolIn, out);
    }

    private BigDecimal value(BigInteger amount, DexOffer dex, List<PoolOffer> set, BigInteger dexIn) {
        return costs.netDex(dex.curve().outFor(new BigDecimal(dexIn)))
                .add(poolsValue(set, fill(set, amount.subtract(dexIn))));
    }

    private BigDecimal poolsValue(List<PoolOffer> set, BigInteger[] shares) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < set.size(); i++) {
            total = total.add(costs.netOtc(set.get(i).outFor(new BigDecimal(shares[i]))));
        }
        return total;
    }

    /** The best way to give {@code toPools} to the set (best rate first): each its minimum, then the rest greedily. */
    private static BigInteger[] fill(List<PoolOffer> set, BigInteger toPools) {
        BigInteger[] shares = new BigInteger[set.size()];
        BigInteger left = toPools;
        for (int i = 0; i < set.size(); i++) {
            shares[i] = set.get(i).minIn();
            left = left.subtract(shares[i]);
        }
        for (int i = 0; i < set.size() && left.signum() > 0; i++) {
            BigInteger more = left.min(set.get(i).maxIn().subtract(shares[i]));
            shares[i] = shares[i].add(more);
            left = left.subtract(more);
        }
        return shares;
    }

    private static BigInteger sum(List<PoolOffer> set, Function<PoolOffer, BigInteger> limit) {
        BigInteger sum = BigInteger.ZERO;
        for (PoolOffer offer : set) {
            sum = sum.add(limit.apply(offer));
        }
        return sum;
    }
}
