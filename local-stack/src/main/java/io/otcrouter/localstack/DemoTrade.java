package io.otcrouter.localstack;

import java.math.BigDecimal;

/** A trade request as router-service's {@code POST /api/trades} expects it. */
record DemoTrade(String inputToken, String outputToken, BigDecimal amount, int slippageBps, String clientOrderId) {

    /** Hand-written JSON: every value is a token symbol, a number or a generated id, so nothing needs escaping. */
    String toJson() {
        return "{\"inputToken\":\"" + inputToken + "\",\"outputToken\":\"" + outputToken
                + "\",\"amount\":\"" + amount.toPlainString() + "\",\"slippageBps\":" + slippageBps
                + ",\"clientOrderId\":\"" + clientOrderId + "\"}";
    }
}
