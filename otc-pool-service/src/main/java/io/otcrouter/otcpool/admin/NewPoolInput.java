package io.otcrouter.otcpool.admin;

import java.util.List;

/** A pool to create: its pair, opening inventory (token units) and terms. {@code active} defaults to true. */
public record NewPoolInput(String id, String baseSymbol, String quoteSymbol, String baseInventory,
        String quoteInventory, Boolean active, Integer spreadBps, List<TermsInput.TierInput> sizeTiers,
        Integer priceOffsetBps, String minTradeBase, String maxTradeBase, Integer quoteTtlMs, Integer execDelayMinMs,
        Integer execDelayMaxMs) {

    TermsInput terms() {
        return new TermsInput(spreadBps, sizeTiers, priceOffsetBps, minTradeBase, maxTradeBase, quoteTtlMs,
                execDelayMinMs, execDelayMaxMs);
    }
}
