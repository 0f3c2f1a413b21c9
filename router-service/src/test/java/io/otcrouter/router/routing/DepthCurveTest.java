package io.otcrouter.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DepthCurveTest {

    /** A constant-product pool: 100,000 SOL against 15,000,000 USDC, 30 bps fee, in atomic units. */
    static final BigDecimal RESERVE_IN = new BigDecimal("100000000000000");
    static final BigDecimal RESERVE_OUT = new BigDecimal("15000000000000");
    static final BigDecimal FEE_FACTOR = new BigDecimal("0.997");

    static BigDecimal constantProduct(BigDecimal in) {
        BigDecimal effective = in.multiply(FEE_FACTOR);
        return RESERVE_OUT.multiply(effective, DepthCurve.MATH).divide(RESERVE_IN.add(effective), DepthCurve.MATH);
    }

    static DepthCurve sampledAt(BigInteger size, int... percents) {
        Map<BigInteger, BigInteger> points = new LinkedHashMap<>();
        for (int percent : percents) {
            BigInteger in = size.multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100));
            points.put(in, constantProduct(new BigDecimal(in)).toBigInteger());
        }
        return DepthCurve.through(points);
    }

    @Test
    void shouldReproduceAConstantProductCurveBetweenAndBeyondItsPoints() {
        DepthCurve curve = sampledAt(new BigInteger("5000000000000"), 10, 25, 50, 100, 200);

        for (String sol : new String[] {"1", "250", "777.7", "3000", "9000"}) {
            BigDecimal in = new BigDecimal(sol).movePointRight(9);
            BigDecimal expected = constantProduct(in);
            BigDecimal relativeError = curve.outFor(in).subtract(expected).abs().divide(expected, DepthCurve.MATH);
            assertThat(relativeError).as("at %s SOL", sol).isLessThan(new BigDecimal("1e-9"));
        }
    }

    @Test
    void shouldBeMonotoneAndConcaveBetweenSampledPoints() {
        DepthCurve curve = sampledAt(new BigInteger("5000000000000"), 10, 25, 50, 100, 200);
        BigDecimal step = new BigDecimal("100000000000");
        BigDecimal previous = BigDecimal.ZERO;
        BigDecimal previousGain = null;
        for (int i = 1; i <= 100; i++) {
            BigDecimal out = curve.outFor(step.multiply(BigDecimal.valueOf(i)));
            BigDecimal gain = out.subtract(previous);
            assertThat(gain).isPositive();
            if (previousGain != null) {
                assertThat(gain).isLessThanOrEqualTo(previousGain.add(BigDecimal.ONE));
            }
            previous = out;
            previousGain = gain;
        }
    }

    @Test
    void shouldFallBackToAStraightLineWhenPointsDoNotBend() {
        DepthCurve curve = DepthCurve.through(Map.of(BigInteger.valueOf(100), BigInteger.valueOf(200),
                BigInteger.valueOf(200), BigInteger.valueOf(400)));

        assertThat(curve.outFor(BigDecimal.valueOf(150))).isEqualByComparingTo("300");
    }

    @Test
    void shouldScaleASinglePointLinearly() {
        DepthCurve curve = DepthCurve.through(Map.of(BigInteger.valueOf(1000), BigInteger.valueOf(149)));

        assertThat(curve.outFor(BigDecimal.valueOf(500))).isEqualByComparingTo("74.5");
        assertThat(curve.outFor(BigDecimal.ZERO)).isZero();
    }
}
