package io.otcrouter.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PriceBandTest {

    private static final BigInteger FIVE_THOUSAND_SOL = new BigInteger("5000000000000");
    /** The constant-product pool of {@link DepthCurveTest}: 150 USDC per SOL at the margin, 30 bps fee. */
    private static final DepthCurve CURVE = DepthCurveTest.sampledAt(FIVE_THOUSAND_SOL, 10, 25, 50, 100, 200);

    @Test
    void shouldLetJupiterTakeLegsUpToTheSizeWhoseAveragePriceMeetsTheBandsFloor() {
        // Reference 155 USDC per SOL, band 5 %: the floor is 147.25; the pool's average price a / (b + x) meets it at
        // x = a / 0.14725 − b, with a = R_out and b = R_in / f.
        PriceBand band = PriceBand.of(Optional.of(ReferenceRate.live(new BigDecimal("0.155"))),
                new RoutingPolicy(CostModel.FREE, BigInteger.ZERO, 500, 2_500));

        DexOffer offer = band.dexOffer(CURVE, FIVE_THOUSAND_SOL).orElseThrow();

        BigDecimal b = DepthCurveTest.RESERVE_IN.divide(DepthCurveTest.FEE_FACTOR, DepthCurve.MATH);
        BigInteger closedForm = DepthCurveTest.RESERVE_OUT.divide(new BigDecimal("0.14725"), DepthCurve.MATH)
                .subtract(b).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        assertThat(offer.minIn()).isEqualTo(BigInteger.ONE);
        assertThat(offer.maxIn().subtract(closedForm).abs()).isLessThanOrEqualTo(BigInteger.valueOf(1_000));
        assertThat(offer.maxIn()).isLessThan(FIVE_THOUSAND_SOL);
    }

    @Test
    void shouldKeepJupiterOutWhenEvenItsSmallestLegIsOutsideTheBand() {
        PriceBand band = PriceBand.of(Optional.of(ReferenceRate.live(new BigDecimal("0.20"))), RoutingPolicy.DEFAULT);

        assertThat(band.dexOffer(CURVE, FIVE_THOUSAND_SOL)).isEmpty();
    }

    @Test
    void shouldLetJupiterTakeAnySizeWithoutAReference() {
        DexOffer offer = PriceBand.of(Optional.empty(), RoutingPolicy.DEFAULT).dexOffer(CURVE, FIVE_THOUSAND_SOL)
                .orElseThrow();

        assertThat(offer.minIn()).isEqualTo(BigInteger.ONE);
        assertThat(offer.maxIn()).isEqualTo(FIVE_THOUSAND_SOL);
    }
}
