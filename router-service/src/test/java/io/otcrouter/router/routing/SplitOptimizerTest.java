package io.otcrouter.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

class SplitOptimizerTest {

    private static final BigInteger FIVE_THOUSAND_SOL = new BigInteger("5000000000000");
    /** The pool pays 148.5 USDC per SOL: atomic USDC per lamport. */
    private static final BigDecimal POOL_RATE = new BigDecimal("0.1485");

    private final SplitOptimizer optimizer = new SplitOptimizer(CostModel.FREE);

    @Test
    void shouldSplitWhereJupitersMarginalPriceMeetsThePoolsWithinATenthOfAPercent() {
        DepthCurve dex = DepthCurveTest.sampledAt(FIVE_THOUSAND_SOL, 10, 25, 50, 100, 200);
        PoolOffer pool = new PoolOffer("pool", "q", POOL_RATE, BigInteger.ONE, FIVE_THOUSAND_SOL);

        Allocation allocation = optimizer.optimise(FIVE_THOUSAND_SOL, dex, List.of(pool));

        // Closed form for out(x) = R_out·f·x / (R_in + f·x): out'(x*) = p  ⇔  x* = (sqrt(R_out·R_in·f / p) − R_in) / f.
        BigDecimal f = DepthCurveTest.FEE_FACTOR;
        BigDecimal optimalDex = DepthCurveTest.RESERVE_OUT.multiply(DepthCurveTest.RESERVE_IN).multiply(f)
                .divide(POOL_RATE, DepthCurve.MATH).sqrt(DepthCurve.MATH).subtract(DepthCurveTest.RESERVE_IN)
                .divide(f, DepthCurve.MATH);
        BigDecimal relativeError = new BigDecimal(allocation.dexIn()).subtract(optimalDex).abs()
                .divide(optimalDex, DepthCurve.MATH);
        assertThat(relativeError).isLessThan(new BigDecimal("0.001"));
        assertThat(allocation.dexIn().add(allocation.poolIn().get("pool"))).isEqualTo(FIVE_THOUSAND_SOL);
    }

    @Test
    void shouldBeatBothVenuesAloneWhenItSplits() {
        DepthCurve dex = DepthCurveTest.sampledAt(FIVE_THOUSAND_SOL, 10, 25, 50, 100, 200);
        PoolOffer pool = new PoolOffer("pool", "q", POOL_RATE, BigInteger.ONE, FIVE_THOUSAND_SOL);

        Allocation allocation = optimizer.optimise(FIVE_THOUSAND_SOL, dex, List.of(pool));

        BigDecimal allDex = dex.outFor(new BigDecimal(FIVE_THOUSAND_SOL));
        BigDecimal allPool = POOL_RATE.multiply(new BigDecimal(FIVE_THOUSAND_SOL));
        assertThat(allocation.out()).isGreaterThan(allDex).isGreaterThan(allPool);
    }

    @Test
    void shouldRespectPoolLimitsAndFillTheBetterPoolFirst() {
        DepthCurve dex = DepthCurveTest.sampledAt(FIVE_THOUSAND_SOL, 10, 25, 50, 100, 200);
        BigInteger oneThousandSol = new BigInteger("1000000000000");
        PoolOffer better = new PoolOffer("better", "q1", new BigDecimal("0.1490"), BigInteger.ONE, oneThousandSol);
        PoolOffer worse = new PoolOffer("worse", "q2", new BigDecimal("0.1480"), new BigInteger("250000000000"),
                new BigInteger("2500000000000"));

        Allocation allocation = optimizer.optimise(FIVE_THOUSAND_SOL, dex, List.of(worse, better));

        assertThat(allocation.poolIn().get("better")).isEqualTo(oneThousandSol);
        assertThat(allocation.poolIn().get("worse")).satisfiesAnyOf(
                in -> assertThat(in).isZero(),
                in -> assertThat(in).isBetween(new BigInteger("250000000000"), new BigInteger("2500000000000")));
        BigInteger total = allocation.dexIn().add(allocation.poolIn().values().stream().reduce(BigInteger::add)
                .orElseThrow());
        assertThat(total).isEqualTo(FIVE_THOUSAND_SOL);
    }

    @Test
    void shouldLeaveAPoolOutWhenItsMinimumSizeIsNotWorthIt() {
        DepthCurve dex = DepthCurveTest.sampledAt(FIVE_THOUSAND_SOL, 10, 25, 50, 100, 200);
        // Pays 140 USDC per SOL, below every Jupiter price, and only for 4,999 SOL or more.
        PoolOffer bigOnly = new PoolOffer("big", "q", new BigDecimal("0.1400"), new BigInteger("4999000000000"),
                FIVE_THOUSAND_SOL);

        Allocation allocation = optimizer.optimise(FIVE_THOUSAND_SOL, dex, List.of(bigOnly));

        assertThat(allocation.poolIn().get("big")).isZero();
        assertThat(allocation.dexIn()).isEqualTo(FIVE_THOUSAND_SOL);
    }
}
