package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finds, for every way to use the pools — each pool left out or given a leg in one of its pieces (a size tier's
 * stretch, {@link PoolPiece}), with Jupiter and without — the allocation of a size that returns the most output after
 * costs, exact to one atomic unit of input.
 *
 * <p>Why this is exact: within one piece a pool pays a flat rate (or a constant), so the best way to give a fixed
 * choice of pieces {@code y} is greedy (each piece its minimum, the rest best rate first), and their output
 * {@code G(y)} is concave and piecewise linear. Jupiter's output {@code D(x)} is concave ({@link DepthCurve}), so
 * {@code D(x) + G(A − x)} is concave in Jupiter's share {@code x}; its maximum over the integers is where its
 * one-unit difference turns negative, found by bisection within the sizes Jupiter may take ({@link DexOffer}) and
 * the pieces' limits. Across pieces the output is not concave — a larger leg that reaches a dearer tier pays the
 * dearer price on all of it — and a pool's minimum leg and each leg's fixed network fee make "use this pool or not"
 * a choice no marginal rule settles; so the choices are enumerated, at most {@link #MAX_CHOICES} of them (the
 * caller keeps the pools within that, {@link #choices}).
 */
final class SplitOptimizer {

    /** Ways to use the pools weighed at most: 8 flat-priced pools (2^8), or fewer pools with several tiers. */
    static final int MAX_CHOICES = 1 << 8;

    private final CostModel costs;

    SplitOptimizer(CostModel costs) {
        this.costs = costs;
    }

    /** How many ways to use pools with these many pieces each: each left out or in one of its pieces. */
    static long choices(List<List<PoolPiece>> piecesByPool) {
        long choices = 1;
        for (List<PoolPiece> pieces : piecesByPool) {
            choices *= 1 + pieces.size();
        }
        return choices;
    }

    /** Every offer's every tier, none screened out. */
    List<Allocation> optimise(BigInteger amount, DexOffer dex, List<PoolOffer> offers) {
        return optimisePieces(amount, dex, offers.stream().map(offer -> offer.pieces(rate -> true)).toList());
    }

    /**
     * @param dex          Jupiter within the band, or null when it may not take any leg
     * @param piecesByPool the usable pieces of each usable pool, at most {@link #MAX_CHOICES} choices in all
     * @return the best allocation of every feasible choice of pieces (at least one pool, with or without Jupiter)
     */
    List<Allocation> optimisePieces(BigInteger amount, DexOffer dex, List<List<PoolPiece>> piecesByPool) {
        if (choices(piecesByPool) > MAX_CHOICES) {
            throw new IllegalArgumentException("At most " + MAX_CHOICES + " ways to use the pools, got "
                    + choices(piecesByPool));
        }
        List<Allocation> allocations = new ArrayList<>();
        enumerate(piecesByPool, 0, new ArrayList<>(), chosen -> {
            List<PoolPiece> set = chosen.stream().sorted(Comparator.comparing(PoolPiece::rate).reversed()).toList();
            withoutDex(amount, set).ifPresent(allocations::add);
            if (dex != null) {
                withDex(amount, dex, set).ifPresent(allocations::add);
            }
        });
        return allocations;
    }

    /** Calls {@code each} with every non-empty choice of at most one piece per pool. */
    private static void enumerate(List<List<PoolPiece>> piecesByPool, int pool, List<PoolPiece> chosen,
            Consumer<List<PoolPiece>> each) {
        if (pool == piecesByPool.size()) {
            if (!chosen.isEmpty()) {
                each.accept(chosen);
            }
            return;
        }
        enumerate(piecesByPool, pool + 1, chosen, each);
        for (PoolPiece piece : piecesByPool.get(pool)) {
            chosen.add(piece);
            enumerate(piecesByPool, pool + 1, chosen, each);
            chosen.remove(chosen.size() - 1);
        }
    }

    private Optional<Allocation> withoutDex(BigInteger amount, List<PoolPiece> set) {
        if (amount.compareTo(sum(set, PoolPiece::minIn)) < 0 || amount.compareTo(sum(set, PoolPiece::maxIn)) > 0) {
            return Optional.empty();
        }
        return Optional.of(allocation(amount, null, set, BigInteger.ZERO));
    }

    private Optional<Allocation> withDex(BigInteger amount, DexOffer dex, List<PoolPiece> set) {
        BigInteger lo = dex.minIn().max(amount.subtract(sum(set, PoolPiece::maxIn))).max(BigInteger.ONE);
        BigInteger hi = dex.maxIn().min(amount.subtract(sum(set, PoolPiece::minIn)));
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
    private BigInteger argmax(BigInteger amount, DexOffer dex, List<PoolPiece> set, BigInteger lo, BigInteger hi) {
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

    private boolean rises(BigInteger amount, DexOffer dex, List<PoolPiece> set, BigInteger dexIn) {
        return value(amount, dex, set, dexIn.add(BigInteger.ONE)).compareTo(value(amount, dex, set, dexIn)) > 0;
    }

    /**
     * Where Jupiter's marginal rate after fees meets the marginal pool's, in double precision: a close estimate
     * for the exact search, found by bisection on the slope, which only falls as Jupiter's share grows.
     */
    private double slope(BigInteger amount, DexOffer dex, List<PoolPiece> set, double x) {
        double dexKeep = 1 - costs.dexFeeBps() / 10_000.0;
        double otcKeep = 1 - costs.otcFeeBps() / 10_000.0;
        return dexKeep * dex.curve().marginalAt(x) - otcKeep * marginalPoolRate(set, amount.doubleValue() - x);
    }

    private BigInteger locate(BigInteger amount, DexOffer dex, List<PoolPiece> set, BigInteger lo, BigInteger hi) {
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
    private static double marginalPoolRate(List<PoolPiece> set, double toPools) {
        double above = toPools;
        for (PoolPiece piece : set) {
            above -= piece.minIn().doubleValue();
        }
        for (PoolPiece piece : set) {
            double room = piece.maxIn().subtract(piece.minIn()).doubleValue();
            if (above <= room) {
                return piece.rate().doubleValue();
            }
            above -= room;
        }
        return set.get(set.size() - 1).rate().doubleValue();
    }

    private Allocation allocation(BigInteger amount, DexOffer dex, List<PoolPiece> set, BigInteger dexIn) {
        BigInteger[] shares = fill(set, amount.subtract(dexIn));
        Map<String, BigInteger> poolIn = new LinkedHashMap<>();
        for (int i = 0; i < set.size(); i++) {
            poolIn.put(set.get(i).poolId(), shares[i]);
        }
        BigDecimal out = dex == null ? poolsValue(set, shares) : value(amount, dex, set, dexIn);
        return new Allocation(dexIn, poolIn, out);
    }

    private BigDecimal value(BigInteger amount, DexOffer dex, List<PoolPiece> set, BigInteger dexIn) {
        return costs.netDex(dex.curve().outFor(new BigDecimal(dexIn)))
                .add(poolsValue(set, fill(set, amount.subtract(dexIn))));
    }

    private BigDecimal poolsValue(List<PoolPiece> set, BigInteger[] shares) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < set.size(); i++) {
            total = total.add(costs.netOtc(set.get(i).outFor(new BigDecimal(shares[i]))));
        }
        return total;
    }

    /** The best way to give {@code toPools} to the set (best rate first): each its minimum, then the rest greedily. */
    private static BigInteger[] fill(List<PoolPiece> set, BigInteger toPools) {
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

    private static BigInteger sum(List<PoolPiece> set, Function<PoolPiece, BigInteger> limit) {
        BigInteger sum = BigInteger.ZERO;
        for (PoolPiece piece : set) {
            sum = sum.add(limit.apply(piece));
        }
        return sum;
    }
}
