package io.otcrouter.quote.dex;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An ExactIn quote request to a DEX venue.
 *
 * @param amount      input size in atomic units of the input token
 * @param slippageBps tolerated slippage, which sets the minimum output (otherAmountThreshold)
 */
public record DexQuoteRequest(String inputMint, String outputMint, BigInteger amount, int slippageBps) {

    public DexQuoteRequest {
        Objects.requireNonNull(inputMint, "inputMint");
        Objects.requireNonNull(outputMint, "outputMint");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (slippageBps < 0 || slippageBps > 10_000) {
            throw new IllegalArgumentException("slippageBps out of range: " + slippageBps);
        }
    }

    public DexQuoteRequest withAmount(BigInteger otherAmount) {
        return new DexQuoteRequest(inputMint, outputMint, otherAmount, slippageBps);
    }
}
