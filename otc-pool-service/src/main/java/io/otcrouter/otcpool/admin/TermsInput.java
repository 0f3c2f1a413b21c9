package io.otcrouter.otcpool.admin;

import java.util.List;

/**
 * A pool's terms as an admin sends them: amounts in base-token units as decimal strings, spreads in bps, times in
 * ms. Null means "not given" (required on create, "keep the current value" on update).
 */
public record TermsInput(Integer spreadBps, List<TierInput> sizeTiers, Integer priceOffsetBps, String minTradeBase,
        String maxTradeBase, Integer quoteTtlMs, Integer execDelayMinMs, Integer execDelayMaxMs) {

    /** A size bracket: from {@code minTradeBase} base units, add {@code addBps}. */
    public record TierInput(String minTradeBase, Integer addBps) {
    }
}
