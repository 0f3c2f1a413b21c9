package io.otcrouter.quote.curve;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConcaveDepthHullTest {

    private static final Instant OBSERVED = Instant.parse("2025-06-01T12:00:00Z");

    private static DepthSample point(long in, long out) {
        return new DepthSample(BigInteger.valueOf(in), BigInteger.valueOf(out));
    }

    private static BigInteger outFor(ConcaveDepthHull curve, long in) {
        return curve.outFor(BigInteger.valueOf(in)).orElseThrow();
    }

    /** Concave points: (100, 1000), (200, 1800), (400, 3000); slopes 10, 8, 6. */
    private final ConcaveDepthHull concave = ConcaveDepthHull.of(
            List.of(point(400, 3000), point(100, 1000), point(200, 1800)), OBSERVED);

    @Test
    void shouldInterpolateLinearlyBetweenPointsAndFromTheOrigin() {
        assertThat(outFor(concave, 50)).isEqualTo(500);
        assertThat(outFor(concave, 150)).isEqualTo(1400);
        assertThat(outFor(concave, 300)).isEqualTo(2400);
        assertThat(outFor(concave, 333)).isEqualTo(2598); // 1800 + 1200·133/200 = 2598, rounded down
        assertThat(outFor(concave, 400)).isEqualTo(3000);
        assertThat(outFor(concave, 0)).isZero();
    }

    @Test
    void shouldRefuseToExtrapolateBeyondTheLargestObservedSize() {
        assertThat(concave.outFor(BigInteger.valueOf(401))).isEmpty();
        assertThat(concave.largestSize()).contains(BigInteger.valueOf(400));
    }

    @Test
    void shouldDropAPointUnderTheConcaveHull() {
        // (300, 2000) sits under the chord (200, 1800)-(400, 3000), which passes 2400 at 300.
        ConcaveDepthHull noisy = ConcaveDepthHull.of(List.of(point(100, 1000), point(200, 1800), point(300, 2000),
                point(400, 3000)), OBSERVED);

        assertThat(outFor(noisy, 300)).isEqualTo(2400);
        assertThat(outFor(noisy, 250)).isEqualTo(2100);
        assertThat(noisy.points()).hasSize(4);
    }

    @Test
    void shouldReplaceAConvexStartByTheChordFromTheOrigin() {
        // (100, 500) then (200, 1800): the first point is under the chord 0→(200, 1800), slope 9.
        ConcaveDepthHull convexStart = ConcaveDepthHull.of(List.of(point(100, 500), point(200, 1800)), OBSERVED);

        assertThat(outFor(convexStart, 100)).isEqualTo(900);
    }

    @Test
    void shouldStayFlatInsteadOfFallingAfterItsHighestOutput() {
        ConcaveDepthHull dip = ConcaveDepthHull.of(List.of(point(100, 1000), point(200, 1800), point(300, 1700)),
                OBSERVED);

        assertThat(outFor(dip, 250)).isEqualTo(1800);
        assertThat(outFor(dip, 300)).isEqualTo(1800);
    }

    @Test
    void shouldBeMonotoneAndConcaveOverEverySizeForNoisyPoints() {
        ConcaveDepthHull noisy = ConcaveDepthHull.of(List.of(point(10, 120), point(25, 240), point(50, 520),
                point(100, 900), point(150, 1500), point(200, 1450)), OBSERVED);
        List<BigInteger> outs = new ArrayList<>();
        for (long in = 0; in <= 200; in += 5) {
            outs.add(outFor(noisy, in));
        }

        for (int i = 1; i < outs.size(); i++) {
            assertThat(outs.get(i)).as("monotone at %d", i).isGreaterThanOrEqualTo(outs.get(i - 1));
        }
        for (int i = 2; i < outs.size(); i++) {
            BigInteger step = outs.get(i).subtract(outs.get(i - 1));
            BigInteger previous = outs.get(i - 1).subtract(outs.get(i - 2));
            // one unit of slack for rounding down
            assertThat(step).as("concave at %d", i).isLessThanOrEqualTo(previous.add(BigInteger.ONE));
        }
    }

    @Test
    void shouldKeepTheLastPointOfARepeatedSizeAndIgnoreNonPositiveSizes() {
        ConcaveDepthHull curve = ConcaveDepthHull.of(List.of(point(100, 900), point(0, 5), point(100, 1000)), OBSERVED);

        assertThat(curve.points()).containsExactly(point(100, 1000));
        assertThat(outFor(curve, 50)).isEqualTo(500);
        assertThat(curve.observedAt()).isEqualTo(OBSERVED);
    }
}
