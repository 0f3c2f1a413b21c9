package io.otcrouter.quote.curve;

import java.math.BigInteger;
import java.util.Objects;

/** One point of a depth curve: output for an input size, atomic units. */
public record DepthSample(BigInteger inAmount, BigInteger outAmount) {

    public DepthSample {
        Objects.requireNonNull(inAmount, "inAmount");
        Objects.requireNonNull(outAmount, "outAmount");
    }
}
