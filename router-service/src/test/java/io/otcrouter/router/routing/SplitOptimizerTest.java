package io.otcrouter.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class SplitOptimizerTest {

    private static final BigInteger FIVE_THOUSAND_SOL = new BigInteger("5000000000000");
    private static final BigInteger ONE_THOUSAND_SOL = new BigInteger("1000000000000");
    /** The pool pays 148.5 USDC per SOL: atomic USDC per lamport. */
    private static final BigDecimal POOL_RATE = new BigDecimal("0.1485");
    private static final DepthCurve DEX_CURVE = DepthCurveTest.sampledAt(FIVE_THOUSAND_SOL, 10, 25, 50, 100, 200);
    private static final DexOffer DEX = new DexOffer(DEX_CURVE, BigInteger.ONE, FIVE_THOUSAND_SOL);

    private final SplitOptimizer optimizer = new SplitOptimizer(CostModel.FREE);

    @Test
    void shouldSplitWhereJupitersMarginalPriceMeetsThePools() {
        PoolOffer pool = pool("pool", POOL_RATE, BigInteger.ONE, FIVE_THOUSAND_SOL);

        Allocation allocation = best(optimizer.optimise(FIVE_THOUSAND_SOL, DEX, List.of(pool)), a -> true);

        // Closed form for out(x) = R_out·f·x / (R_in + f·x): out'(x*) = p  ⇔  x* = (sqrt(R_out·R_in·f / p) − R_in) / f.
        BigDecimal f = DepthCurveTest.FEE_FACTOR;
        BigDecimal optimalDex = DepthCurveTest.RESERVE_OUT.multiply(DepthCurveTest.RESERVE_IN).multiply(f)
                .divide(POOL_RATE, DepthCurve.MATH).sqrt(DepthCurve.MATH).subtract(DepthCurveTest.RESERVE_IN)
                .divide(f, DepthCurve.MATH);
        BigDecimal relativeError = new BigDecimal(allocation.dexIn()).subtract(optimalDex).abs()
                .divide(optimalDex, DepthCurve.MATH);
        assertThat(relativeError).isLessThan(new BigDecimal("0.000001"));
        assertThat(allocation.dexIn().add(allocation.poolIn().get("pool"))).isEqualTo(FIVE_THOUSAND_SOL);
    }

    @Test
    void shouldBeatBothVenuesAloneWhenItSplits() {
        PoolOffer pool = pool("pool", POOL_RATE, BigInteger.ONE, FIVE_THOUSAND_SOL);

        Allocation allocation = best(optimizer.optimise(FIVE_THOUSAND_SOL, DEX, List.of(pool)), Allocation::usesDex);

        BigDecimal allDex = DEX_CURVE.outFor(new BigDecimal(FIVE_THOUSAND_SOL));
        BigDecimal allPool = POOL_RATE.multiply(new BigDecimal(FIVE_THOUSAND_SOL));
        assertThat(allocation.out()).isGreaterThan(allDex).isGreaterThan(allPool);
    }

    @Test
    void shouldRespectPoolLimitsAndFillTheBetterPoolFirst() {
        PoolOffer better = pool("better", new BigDecimal("0.1490"), BigInteger.ONE, ONE_THOUSAND_SOL);
        PoolOffer worse = pool("worse", new BigDecimal("0.1480"), new BigInteger("250000000000"),
                new BigInteger("2500000000000"));

        Allocation allocation = best(optimizer.optimise(FIVE_THOUSAND_SOL, DEX, List.of(worse, better)), a -> true);

        assertThat(allocation.poolIn().get("better")).isEqualTo(ONE_THOUSAND_SOL);
        assertThat(allocation.poolIn().getOrDefault("worse", BigInteger.ZERO)).satisfiesAnyOf(
                in -> assertThat(in).isZero(),
                in -> assertThat(in).isBetween(new BigInteger("250000000000"), new BigInteger("2500000000000")));
        BigInteger total = allocation.dexIn().add(allocation.poolIn().values().stream().reduce(BigInteger::add)
                .orElseThrow());
        assertThat(total).isEqualTo(FIVE_THOUSAND_SOL);
    }

    @Test
    void shouldLeaveAPoolOutWhenItsMinimumSizeIsNotWorthIt() {
        // Pays 140 USDC per SOL, below every Jupiter price, and only for 4,999 SOL or more.
        PoolOffer bigOnly = pool("big", new BigDecimal("0.1400"), new BigInteger("4999000000000"), FIVE_THOUSAND_SOL);

        List<Allocation> allocations = optimizer.optimise(FIVE_THOUSAND_SOL, DEX, List.of(bigOnly));

        // The only ways to use it: alone, or with Jupiter taking at most 1 SOL; both worse than all to Jupiter.
        assertThat(allocations).allSatisfy(a -> assertThat(a.out())
                .isLessThan(DEX_CURVE.outFor(new BigDecimal(FIVE_THOUSAND_SOL))));
    }

    @Test
    void shouldSplitAcrossPoolsWithoutJupiterWhenJupiterMayTakeNothing() {
        PoolOffer a = pool("a", new BigDecimal("0.1490"), BigInteger.ONE, new BigInteger("3000000000000"));
        PoolOffer b = pool("b", new BigDecimal("0.1480"), BigInteger.ONE, new BigInteger("4000000000000"));

        Allocation allocation = best(optimizer.optimise(FIVE_THOUSAND_SOL, null, List.of(a, b)), x -> true);

        assertThat(allocation.dexIn()).isZero();
        assertThat(allocation.poolIn()).containsEntry("a", new BigInteger("3000000000000"))
                .containsEntry("b", new BigInteger("2000000000000"));
        assertThat(allocation.out()).isEqualByComparingTo("743000000000");
    }

    @Test
    void shouldKeepJupitersLegWithinTheSizesItMayTake() {
        PoolOffer capped = pool("capped", new BigDecimal("0.1480"), BigInteger.ONE, new BigInteger("4000000000000"));
        DexOffer upToOneThousand = new DexOffer(DEX_CURVE, BigInteger.ONE, ONE_THOUSAND_SOL);

        List<Allocation> allocations = optimizer.optimise(FIVE_THOUSAND_SOL, upToOneThousand, List.of(capped));

        assertThat(allocations).filteredOn(Allocation::usesDex).singleElement()
                .satisfies(a -> assertThat(a.dexIn()).isEqualTo(ONE_THOUSAND_SOL));
    }

    private static PoolOffer pool(String id, BigDecimal rate, BigInteger minIn, BigInteger maxIn) {
        BigInteger quotedOut = rate.multiply(new BigDecimal(maxIn)).toBigIntegerExact();
        return new PoolOffer(id, "q-" + id, maxIn, quotedOut, minIn, maxIn);
    }

    private static Allocation best(List<Allocation> allocations, Predicate<Allocation> which) {
        return allocations.stream().filter(which).max(Comparator.comparing(Allocation::out)).orElseThrow();
    }
}
