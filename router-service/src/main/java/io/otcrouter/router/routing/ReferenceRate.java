package io.otcrouter.router.routing;

import java.math.BigDecimal;
import java.util.Optional;

import io.otcrouter.router.routing.TradeIntent;

/**
 * The fair exchange rate at the reference prices, in output atomic units per input atomic unit, when both prices
 * are known.
 */
public final class ReferenceRate {

    private ReferenceRate() {
    }

    public static Optional<BigDecimal> of(TradeIntent intent, Optional<BigDecimal> inputUsd,
            Optional<BigDecimal> outputUsd) {
        if (inputUsd.isEmpty() || outputUsd.isEmpty() || outputUsd.get().signum() <= 0) {
            return Optional.empty();
        }
        // (input USD / output USD) token units, rescaled from input decimals to output decimals.
        return Optional.of(inputUsd.get().divide(outputUsd.get(), DepthCurve.MATH)
                .movePointRight(intent.output().decimals() - intent.input().decimals()));
    }
}
