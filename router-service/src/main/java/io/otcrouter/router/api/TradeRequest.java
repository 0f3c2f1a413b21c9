package io.otcrouter.router.api;

/**
 * The body of {@code POST /api/trades}. {@code amount} is a decimal string in token units ("2000", "12.5"), so
 * no client rounds it through a binary float.
 */
public record TradeRequest(String inputToken, String outputToken, String amount, Integer slippageBps,
        String clientOrderId) {
}
