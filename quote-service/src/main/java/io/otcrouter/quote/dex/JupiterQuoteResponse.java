package io.otcrouter.quote.dex;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of Jupiter's {@code GET /swap/v1/quote} body the service uses. Amounts are strings of atomic units
 * (u64 does not fit a signed long), {@code priceImpactPct} a string fraction.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JupiterQuoteResponse(String inAmount, String outAmount, String otherAmountThreshold, String priceImpactPct,
        List<RoutePlanStep> routePlan, Long contextSlot) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RoutePlanStep(SwapInfo swapInfo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SwapInfo(String label) {
    }
}
