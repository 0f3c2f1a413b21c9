package io.otcrouter.quote.dex;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Jupiter's {@code GET /swap/v1/quote} body, every documented field. Amounts are strings of atomic units (u64
 * does not fit a signed long), {@code priceImpactPct} a string fraction. Unknown fields are ignored so a new
 * Jupiter field does not make the venue unavailable.
 *
 * @param platformFee null, or the platform fee already taken from {@code outAmount}
 * @param timeTaken   seconds Jupiter spent routing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JupiterQuoteResponse(String inputMint, String inAmount, String outputMint, String outAmount,
        String otherAmountThreshold, String swapMode, Integer slippageBps, PlatformFee platformFee,
        String priceImpactPct, List<RoutePlanStep> routePlan, Long contextSlot, BigDecimal timeTaken,
        MostReliableAmmsQuoteReport mostReliableAmmsQuoteReport) {

    /** @param amount atomic units of the output token; {@code feeBps} its rate */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlatformFee(String amount, Integer feeBps) {
    }

    /**
     * One hop of the route. Jupiter gives the share of the input either as {@code percent} (may be null) or as
     * {@code bps}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RoutePlanStep(SwapInfo swapInfo, Integer percent, Integer bps) {

        /** Share of the input through this hop in basis points, whichever field Jupiter filled; null if neither. */
        Integer shareBps() {
            if (bps != null) {
                return bps;
            }
            return percent == null ? null : percent * 100;
        }
    }

    /** {@code feeAmount}/{@code feeMint} are deprecated and often absent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SwapInfo(String ammKey, String label, String inputMint, String outputMint, String inAmount,
            String outAmount, String feeAmount, String feeMint) {
    }

    /** Outputs of the most reliable AMMs for the same size, by AMM key (atomic units). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MostReliableAmmsQuoteReport(Map<String, String> info) {
    }
}
