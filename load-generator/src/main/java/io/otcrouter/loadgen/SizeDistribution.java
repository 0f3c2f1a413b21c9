package io.otcrouter.loadgen;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * Trade sizes from a bounded Pareto distribution: most trades small, a long tail up to the maximum. With the
 * defaults (1 to 5,000 SOL, shape 0.5) the median is about 4 SOL, one trade in eleven is above 100 SOL (large
 * enough for the OTC pools) and one in sixty above 1,000 SOL. Sizes are drawn in thousandths of a unit and
 * returned as exact decimals, never formatted from a double.
 */
final class SizeDistribution {

    static final int SCALE = 3;

    private final double min;
    private final double max;
    private final double shape;
    private final double tailMass;

    SizeDistribution(double min, double max, double shape) {
        if (!(min > 0 && max > min && shape > 0)) {
            throw new IllegalArgumentException("need 0 < min < max and shape > 0");
        }
        this.min = min;
        this.max = max;
        this.shape = shape;
        this.tailMass = 1 - Math.pow(min / max, shape);
    }

    static SizeDistribution defaultSol() {
        return new SizeDistribution(1, 5_000, 0.5);
    }

    /** The size at cumulative probability {@code u} in [0, 1): the inverse of the bounded Pareto CDF. */
    double quantile(double u) {
        return min * Math.pow(1 - u * tailMass, -1 / shape);
    }

    BigDecimal next(SplittableRandom random) {
        long thousandths = (long) Math.floor(quantile(random.nextDouble()) * 1000);
        long low = (long) Math.ceil(min * 1000);
        long high = (long) Math.floor(max * 1000);
        return BigDecimal.valueOf(Math.max(low, Math.min(high, thousandths)), SCALE);
    }
}
