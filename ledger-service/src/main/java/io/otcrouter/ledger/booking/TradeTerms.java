package io.otcrouter.ledger.booking;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What the router decided for a trade, as far as settlement needs it. Atomic amounts; prices in USD per token unit.
 *
 * @param dexBaselineOut what sending everything to Jupiter would have returned; null when Jupiter could not quote
 * @param inputPriceUsd  arrival reference price of the input token; null when unknown
 * @param outputPriceUsd arrival reference price of the output token; null when unknown
 */
public record TradeTerms(int inputDecimals, int outputDecimals, BigInteger amountIn, BigInteger expectedOut,
        BigInteger dexBaselineOut, BigDecimal inputPriceUsd, BigDecimal outputPriceUsd) {

    public TradeTerms {
        Objects.requireNonNull(amountIn, "amountIn");
        Objects.requireNonNull(expectedOut, "expectedOut");
    }
}
