package io.otcrouter.dashboard.trading;

/**
 * What the trade form submits, forwarded to router-service as is. {@code amount} stays a decimal string in token
 * units so no float rounding happens on the way; the router validates every field.
 */
public record TradeForm(String inputToken, String outputToken, String amount, Integer slippageBps,
        String clientOrderId) {
}
